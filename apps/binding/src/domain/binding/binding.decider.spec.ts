import { fold } from '@cfc/eventing';
import { bindingDecider, BindingRuleViolation, type BindingCommand, type BindingRuleCode } from './binding.decider';
import type { BindingEvent } from './binding.events';
import { PENDING_PROVIDER_TTL_MS, statusAt } from './binding.expiry';

const T0 = new Date('2026-11-01T02:00:00.000Z');
const later = (ms: number) => new Date(T0.getTime() + ms);
const HOUR = 3600_000;
const account = { number: '6222020200112233445', type: 'BASIC' as const };
const base = { bindingId: 'b-1', subject: '91110000600037341L', provider: 'B0001', account };
const agreement = { version: '1.0', sha256: 'a'.repeat(64) };

const requested: BindingEvent = { type: 'binding.requested', data: { ...base, agreement: { ...agreement, acceptedAt: T0.toISOString() }, requestedAt: T0.toISOString() } };
const confirmed: BindingEvent = { type: 'binding.confirmed', data: { ...base, confirmedAt: later(HOUR).toISOString() } };
const rejected: BindingEvent = { type: 'binding.rejected', data: { ...base, reason: 'ACCOUNT_NOT_HELD_BY_SUBJECT', rejectedAt: later(HOUR).toISOString() } };
const ended: BindingEvent = { type: 'binding.ended', data: { ...base, endedAt: later(2 * HOUR).toISOString() } };
const expired: BindingEvent = { type: 'binding.expired', data: { ...base, expiredAt: later(PENDING_PROVIDER_TTL_MS).toISOString() } };

const request: BindingCommand = { type: 'RequestBinding', ...base, agreementVersion: '1.0', currentAgreement: agreement };
const confirm: BindingCommand = { type: 'ConfirmBinding', provider: 'B0001' };
const reject: BindingCommand = { type: 'RejectBinding', provider: 'B0001', reason: 'ACCOUNT_NOT_HELD_BY_SUBJECT' };
const end: BindingCommand = { type: 'EndBinding', subject: base.subject };
const expire: BindingCommand = { type: 'ExpireBinding' };

// given events, when command (at `now`), then events or the rule it breaks
const when = (given: BindingEvent[], command: BindingCommand, now = later(3 * HOUR)) => bindingDecider.decide(command, fold(bindingDecider, given), { now });
const refusal = (given: BindingEvent[], command: BindingCommand, now?: Date): BindingRuleCode | 'accepted' => {
  try {
    when(given, command, now);
    return 'accepted';
  } catch (error) {
    if (error instanceof BindingRuleViolation) return error.code;
    throw error;
  }
};

describe('binding decider', () => {
  describe('request', () => {
    it('records the acceptance of the current agreement (who is the event actor; when, version and hash are in the event)', () => {
      expect(when([], request, T0)).toEqual([requested]);
    });
    it('refuses an agreement version that is not the current one, and a second request on the same stream', () => {
      expect(refusal([], { ...request, agreementVersion: '0.9' })).toBe('AGREEMENT_VERSION_NOT_CURRENT');
      expect(refusal([requested], request)).toBe('BINDING_EXISTS');
    });
  });

  describe('provider confirms', () => {
    it('activates a pending binding', () => {
      expect(when([requested], confirm, later(HOUR))).toEqual([confirmed]);
      expect(fold(bindingDecider, [requested, confirmed]).status).toBe('ACTIVE');
    });
    it('takes the same answer again as nothing new', () => {
      expect(when([requested, confirmed], confirm)).toEqual([]);
    });
    it.each<[string, BindingEvent[], BindingRuleCode]>([
      ['an unknown binding', [], 'UNKNOWN_BINDING'],
      ['a rejected binding', [requested, rejected], 'BINDING_NOT_PENDING'],
      ['an ended binding', [requested, ended], 'BINDING_NOT_PENDING'],
      ['an expired binding', [requested, expired], 'BINDING_NOT_PENDING'],
    ])('refuses to confirm %s', (_what, given, code) => {
      expect(refusal(given, confirm)).toBe(code);
    });
    it('refuses another provider, whatever the state', () => {
      expect(refusal([requested], { ...confirm, provider: 'P0001' })).toBe('BINDING_OF_ANOTHER_PROVIDER');
      expect(refusal([requested, confirmed], { ...confirm, provider: 'P0001' })).toBe('BINDING_OF_ANOTHER_PROVIDER');
    });
    it('refuses a pending binding whose 7 days passed before any sweep recorded it', () => {
      expect(refusal([requested], confirm, later(PENDING_PROVIDER_TTL_MS - 1))).toBe('accepted');
      expect(refusal([requested], confirm, later(PENDING_PROVIDER_TTL_MS))).toBe('BINDING_EXPIRED');
    });
  });

  describe('provider rejects', () => {
    it('rejects a pending binding with the reason', () => {
      expect(when([requested], reject, later(HOUR))).toEqual([rejected]);
      expect(fold(bindingDecider, [requested, rejected]).status).toBe('REJECTED');
    });
    it('takes the same answer again as nothing new', () => {
      expect(when([requested, rejected], reject)).toEqual([]);
    });
    it.each<[string, BindingEvent[], BindingRuleCode]>([
      ['an unknown binding', [], 'UNKNOWN_BINDING'],
      ['an active binding', [requested, confirmed], 'BINDING_NOT_PENDING'],
      ['an ended binding', [requested, ended], 'BINDING_NOT_PENDING'],
      ['an expired binding', [requested, expired], 'BINDING_NOT_PENDING'],
    ])('refuses to reject %s', (_what, given, code) => {
      expect(refusal(given, reject)).toBe(code);
    });
    it('refuses another provider and a late answer', () => {
      expect(refusal([requested], { ...reject, provider: 'P0001' })).toBe('BINDING_OF_ANOTHER_PROVIDER');
      expect(refusal([requested], reject, later(PENDING_PROVIDER_TTL_MS + HOUR))).toBe('BINDING_EXPIRED');
    });
  });

  describe('enterprise unbinds', () => {
    it('ends an active binding, and withdraws a pending request', () => {
      expect(when([requested, confirmed], end, later(2 * HOUR))).toEqual([ended]);
      expect(when([requested], end, later(2 * HOUR))).toEqual([ended]);
      expect(fold(bindingDecider, [requested, confirmed, ended]).status).toBe('ENDED');
    });
    it.each<[string, BindingEvent[], BindingRuleCode]>([
      ['an ended binding', [requested, confirmed, ended], 'BINDING_ALREADY_ENDED'],
      ['a rejected binding', [requested, rejected], 'BINDING_NOT_ACTIVE'],
      ['an expired binding', [requested, expired], 'BINDING_NOT_ACTIVE'],
      ['an unknown binding', [], 'UNKNOWN_BINDING'],
    ])('refuses to end %s', (_what, given, code) => {
      expect(refusal(given, end)).toBe(code);
    });
    it("refuses another enterprise's binding, and a pending one past its 7 days", () => {
      expect(refusal([requested, confirmed], { type: 'EndBinding', subject: '91110108MA01A2B3C4' })).toBe('NOT_YOUR_BINDING');
      expect(refusal([requested], end, later(PENDING_PROVIDER_TTL_MS))).toBe('BINDING_NOT_ACTIVE');
    });
  });

  describe('expiry', () => {
    it('expires a request unanswered for 7 days, not a moment earlier', () => {
      expect(refusal([requested], expire, later(PENDING_PROVIDER_TTL_MS - 1))).toBe('BINDING_NOT_DUE');
      expect(when([requested], expire, later(PENDING_PROVIDER_TTL_MS))).toEqual([expired]);
      expect(fold(bindingDecider, [requested, expired]).status).toBe('EXPIRED');
    });
    it.each<[string, BindingEvent[]]>([
      ['an active binding', [requested, confirmed]],
      ['a rejected binding', [requested, rejected]],
      ['an ended binding', [requested, ended]],
      ['an expired binding', [requested, expired]],
    ])('leaves %s as it is (a sweep racing an answer)', (_what, given) => {
      expect(when(given, expire, later(PENDING_PROVIDER_TTL_MS * 2))).toEqual([]);
    });
    it('refuses an unknown binding', () => {
      expect(refusal([], expire)).toBe('UNKNOWN_BINDING');
    });
    it('reads a pending binding past its 7 days as EXPIRED before any event says so', () => {
      const at = T0.toISOString();
      expect(statusAt('PENDING_PROVIDER', at, later(PENDING_PROVIDER_TTL_MS - 1))).toBe('PENDING_PROVIDER');
      expect(statusAt('PENDING_PROVIDER', at, later(PENDING_PROVIDER_TTL_MS))).toBe('EXPIRED');
      expect(statusAt('ACTIVE', at, later(PENDING_PROVIDER_TTL_MS * 9))).toBe('ACTIVE');
    });
  });
});
