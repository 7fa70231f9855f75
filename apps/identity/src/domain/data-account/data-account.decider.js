"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.initialDataAccountState = void 0;
exports.dataAccountStreamId = dataAccountStreamId;
exports.decideDataAccount = decideDataAccount;
exports.evolveDataAccount = evolveDataAccount;
const initialDataAccountState = () => ({ opened: false });
exports.initialDataAccountState = initialDataAccountState;
/** Stream id of an enterprise's data account. */
function dataAccountStreamId(uscc) {
    return `data-account-${uscc}`;
}
/** Opens the account on the first successful login; later logins change nothing. */
function decideDataAccount(command, state) {
    if (state.opened)
        return [];
    return [{ type: 'data-account.opened', data: { uscc: command.uscc, openedAt: command.now, challengeId: command.challengeId } }];
}
/** evolve(state, event) -> state. */
function evolveDataAccount(_state, event) {
    switch (event.type) {
        case 'data-account.opened':
            return { opened: true, openedAt: event.data.openedAt };
        default: {
            const unknown = event.type;
            throw new Error(`unknown event ${String(unknown)}`);
        }
    }
}
//# sourceMappingURL=data-account.decider.js.map