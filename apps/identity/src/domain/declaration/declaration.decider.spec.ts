import { decideDeclaration, DeclarationRuleViolation, evolveDeclaration, initialDeclarationState, type DeclarationCommand, type DeclarationState } from './declaration.decider';
import { periodProblem, shanghaiPeriod } from './declaration-period';

// 2026-11-30T17:00Z is already 2026-12-01 01:00 in Shanghai.
const now = new Date('2026-11-30T17:00:00.000Z');
const USCC = '91110000600037341L';
const OTHER = '91310000MA1FL4XK2Q';
const ID = '3f1c8a52-7f54-4d1e-a0a4-93c1f4a1b2c7';
function given(commands: DeclarationCommand[]): DeclarationState {
  return commands.reduce((state, c) => decideDeclaration(c, state).reduce(evolveDeclaration, state), initialDeclarationState());
}
const make = (over: Partial<Extract<DeclarationCommand, { type: 'MakeDeclaration' }>> = {}): DeclarationCommand => ({ type: 'MakeDeclaration', declarationId: ID, uscc: USCC, text: '十月大额流入为股东借款', now, ...over });
const withdraw = (uscc = USCC): DeclarationCommand => ({ type: 'WithdrawDeclaration', uscc, now });
const rule = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof DeclarationRuleViolation ? error.rule : error;
  }
  return 'no violation';
};

describe('declaration decider', () => {
  it.each([
    [{}, { scope: 'REPORT' }],
    [{ bindingId: 'b-1' }, { scope: 'ACCOUNT', bindingId: 'b-1' }],
    [{ bindingId: 'b-1', period: '2026-12' }, { scope: 'MONTH', bindingId: 'b-1', period: '2026-12' }],
  ])('declares with the scope its fields name: %j', (fields, scope) => {
    expect(decideDeclaration(make(fields), initialDeclarationState())).toEqual([
      { type: 'declaration.made', data: { declarationId: ID, uscc: USCC, text: '十月大额流入为股东借款', ...scope, madeAt: now.toISOString() } },
    ]);
  });

  it('withdraws once, naming the scope it had, for its own enterprise only', () => {
    const state = given([make({ bindingId: 'b-1', period: '2026-10' })]);
    expect(decideDeclaration(withdraw(), state)).toEqual([
      { type: 'declaration.withdrawn', data: { declarationId: ID, uscc: USCC, scope: 'MONTH', bindingId: 'b-1', period: '2026-10', withdrawnAt: now.toISOString() } },
    ]);
    expect(rule(() => decideDeclaration(withdraw(OTHER), state))).toBe('DECLARATION_NOT_FOUND');
    expect(rule(() => decideDeclaration(withdraw(), given([make(), withdraw()])))).toBe('DECLARATION_ALREADY_WITHDRAWN');
    expect(rule(() => decideDeclaration(withdraw(), initialDeclarationState()))).toBe('DECLARATION_NOT_FOUND');
  });

  it('refuses a month without a binding, a month that is not one or has not begun, and bad texts', () => {
    expect(rule(() => decideDeclaration(make({ period: '2026-10' }), initialDeclarationState()))).toBe('PERIOD_WITHOUT_BINDING');
    expect(rule(() => decideDeclaration(make({ bindingId: 'b-1', period: '2026-13' }), initialDeclarationState()))).toBe('PERIOD_FORMAT');
    expect(rule(() => decideDeclaration(make({ bindingId: 'b-1', period: '2027-01' }), initialDeclarationState()))).toBe('PERIOD_IN_FUTURE');
    expect(rule(() => decideDeclaration(make({ text: '' }), initialDeclarationState()))).toBe('TEXT_EMPTY');
    expect(rule(() => decideDeclaration(make({ text: '声'.repeat(501) }), initialDeclarationState()))).toBe('TEXT_TOO_LONG');
    expect(rule(() => decideDeclaration(make(), given([make()])))).toBe('DECLARATION_EXISTS');
  });

  it('counts months in Asia/Shanghai', () => {
    expect(shanghaiPeriod(new Date('2026-11-30T15:59:59Z'))).toBe('2026-11');
    expect(shanghaiPeriod(new Date('2026-11-30T16:00:00Z'))).toBe('2026-12');
    expect(periodProblem('2026-12', new Date('2026-11-30T15:59:59Z'))).toBe('PERIOD_IN_FUTURE');
    expect(periodProblem('2026-12', new Date('2026-11-30T16:00:00Z'))).toBeUndefined();
  });
});
