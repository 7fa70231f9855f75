import { ContractRegistry } from '../schema/contract-registry';
import { ContractViolationError } from '../schema/validator';
import { identityEventContracts, IDENTITY_AUDITED_EVENT_TYPES } from './identity.events';
import { declarationMade, declarationWithdrawn, messageLeft, SUBJECT_SERVICE_ACTIVITY_KINDS } from './subject-services.events';
import { characterCount, DECLARATION_TEXT_MAX_CHARACTERS, MESSAGE_TEXT_MAX_CHARACTERS, subjectTextProblem } from './subject-text';

const USCC = '91110000600037341L';
const ID = '3f1c8a52-7f54-4d1e-a0a4-93c1f4a1b2c7';
const AT = '2026-11-24T05:00:00.000Z';

describe('subject-service event contracts', () => {
  it('are identity events, on the audit stream, each with its activity kind', () => {
    const registry = new ContractRegistry(identityEventContracts);
    for (const type of Object.keys(SUBJECT_SERVICE_ACTIVITY_KINDS)) {
      expect(registry.latestVersion(type)).toBe(1);
      expect(IDENTITY_AUDITED_EVENT_TYPES).toContain(type);
    }
    expect(SUBJECT_SERVICE_ACTIVITY_KINDS).toEqual({ 'message.left': 'MESSAGE', 'message.replied': 'MESSAGE', 'declaration.made': 'DECLARATION', 'declaration.withdrawn': 'DECLARATION' });
  });

  it('carry a message as written, up to 2,000 characters counted as a reader counts them', () => {
    const left = { messageId: ID, uscc: USCC, text: '<b>你好</b>\n第二行', leftAt: AT };
    expect(messageLeft.validate(left)).toEqual(left);
    // 2,000 emoji are 4,000 UTF-16 units: still 2,000 characters
    expect(() => messageLeft.validate({ ...left, text: '😀'.repeat(2000) })).not.toThrow();
    expect(() => messageLeft.validate({ ...left, text: 'x'.repeat(2001) })).toThrow(ContractViolationError);
    expect(() => messageLeft.validate({ ...left, text: '' })).toThrow(ContractViolationError);
    expect(() => messageLeft.validate({ ...left, legalRepIdNumber: '11010519491231002X' })).toThrow(ContractViolationError);
  });

  it.each([
    ['REPORT', {}],
    ['ACCOUNT', { bindingId: 'b-1' }],
    ['MONTH', { bindingId: 'b-1', period: '2026-10' }],
  ])('accept a %s declaration with exactly its scope fields', (scope, fields) => {
    expect(() => declarationMade.validate({ declarationId: ID, uscc: USCC, text: '本月流水含一笔退款', madeAt: AT, scope, ...fields })).not.toThrow();
    expect(() => declarationWithdrawn.validate({ declarationId: ID, uscc: USCC, withdrawnAt: AT, scope, ...fields })).not.toThrow();
  });

  it.each([
    ['REPORT', { bindingId: 'b-1' }],
    ['REPORT', { period: '2026-10' }],
    ['ACCOUNT', {}],
    ['ACCOUNT', { bindingId: 'b-1', period: '2026-10' }],
    ['MONTH', { bindingId: 'b-1' }],
    ['MONTH', { bindingId: 'b-1', period: '2026-13' }],
    ['CUSTOMER', {}],
  ])('refuse a %s declaration with the fields %j', (scope, fields) => {
    expect(() => declarationMade.validate({ declarationId: ID, uscc: USCC, text: 'x', madeAt: AT, scope, ...fields })).toThrow(ContractViolationError);
  });

  it('refuse a declaration over 500 characters', () => {
    const made = { declarationId: ID, uscc: USCC, madeAt: AT, scope: 'REPORT' };
    expect(() => declarationMade.validate({ ...made, text: '声'.repeat(500) })).not.toThrow();
    expect(() => declarationMade.validate({ ...made, text: '声'.repeat(501) })).toThrow(ContractViolationError);
  });
});

describe('subject text', () => {
  it.each([
    ['', 'TEXT_EMPTY'],
    [' \n\t\u3000', 'TEXT_EMPTY'],
    ['a\u0000b', 'TEXT_CONTROL_CHARACTER'],
    ['a\u001bb', 'TEXT_CONTROL_CHARACTER'],
    ['a\ud800b', 'TEXT_NOT_WELL_FORMED'],
    ['\udc00', 'TEXT_NOT_WELL_FORMED'],
    [42, 'TEXT_NOT_A_STRING'],
    ['x'.repeat(DECLARATION_TEXT_MAX_CHARACTERS + 1), 'TEXT_TOO_LONG'],
  ])('refuses %j: %s', (text, problem) => {
    expect(subjectTextProblem(text, DECLARATION_TEXT_MAX_CHARACTERS)).toBe(problem);
  });

  it('takes lines, tabs, markup and characters beyond the BMP as they are', () => {
    for (const text of [' 前后空格 ', 'a\r\nb\tc', '<script>alert(1)</script>', '😀'.repeat(MESSAGE_TEXT_MAX_CHARACTERS)]) {
      expect(subjectTextProblem(text, MESSAGE_TEXT_MAX_CHARACTERS)).toBeUndefined();
    }
    expect(characterCount('😀a')).toBe(2);
  });
});
