import type { DataAccountOpenedData } from '@cfc/contracts';
export type DataAccountOpened = {
    readonly type: 'data-account.opened';
    readonly data: DataAccountOpenedData;
};
export type DataAccountEvent = DataAccountOpened;
export type DataAccountState = {
    opened: false;
} | {
    opened: true;
    openedAt: string;
};
export type OpenOnLogin = {
    type: 'OpenOnLogin';
    uscc: string;
    challengeId: string;
    now: string;
};
export declare const initialDataAccountState: () => DataAccountState;
/** Stream id of an enterprise's data account. */
export declare function dataAccountStreamId(uscc: string): string;
/** Opens the account on the first successful login; later logins change nothing. */
export declare function decideDataAccount(command: OpenOnLogin, state: DataAccountState): DataAccountEvent[];
/** evolve(state, event) -> state. */
export declare function evolveDataAccount(_state: DataAccountState, event: DataAccountEvent): DataAccountState;
