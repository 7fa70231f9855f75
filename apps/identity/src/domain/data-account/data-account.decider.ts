import type { DataAccountOpenedData } from '@cfc/contracts';

// A data account exists once its enterprise has logged in: there is no registration step.
export type DataAccountOpened = {
  readonly type: 'data-account.opened';
  readonly data: DataAccountOpenedData;
};
export type DataAccountEvent = DataAccountOpened;
export type DataAccountState = { opened: false } | { opened: true; openedAt: string };
export type OpenOnLogin = { type: 'OpenOnLogin'; uscc: string; challengeRef: string; now: string };

export const initialDataAccountState = (): DataAccountState => ({ opened: false });

/** Stream id of an enterprise's data account. */
export function dataAccountStreamId(uscc: string): string {
  return `data-account-${uscc}`;
}

/** Opens the account on the first successful login; later logins change nothing. */
export function decideDataAccount(command: OpenOnLogin, state: DataAccountState): DataAccountEvent[] {
  if (state.opened) return [];
  return [{ type: 'data-account.opened', data: { uscc: command.uscc, openedAt: command.now, challengeRef: command.challengeRef } }];
}

/** evolve(state, event) -> state. */
export function evolveDataAccount(_state: DataAccountState, event: DataAccountEvent): DataAccountState {
  switch (event.type) {
    case 'data-account.opened':
      return { opened: true, openedAt: event.data.openedAt };
    default: {
      const unknown: never = event.type;
      throw new Error(`unknown event ${String(unknown)}`);
    }
  }
}
