import { residentIdProblem } from '../domain/identifiers/resident-id';
import { usccProblem } from '@cfc/contracts';

export interface FieldError {
  field: string;
  code: string;
  message: string;
}

const USCC_MESSAGES = { FORMAT: 'must be 18 characters of 0-9 and A-Y without I, O, S, V, Z', CHECK_CHARACTER: 'check character is wrong' } as const;
const ID_MESSAGES = { FORMAT: 'must be 17 digits and a digit or X', BIRTH_DATE: 'birth date is not a real date', CHECK_CHARACTER: 'check character is wrong' } as const;

/** Field errors of a challenge request (format and check characters only; no registry involved). */
export function validateChallengeRequest(body: unknown): { ok: true; uscc: string; legalRepName: string; legalRepIdNumber: string } | { ok: false; errors: FieldError[] } {
  const b = (body ?? {}) as Record<string, unknown>;
  const errors: FieldError[] = [];
  const uscc = typeof b.uscc === 'string' ? b.uscc.trim() : '';
  const name = typeof b.legalRepName === 'string' ? b.legalRepName.trim() : '';
  const id = typeof b.legalRepIdNumber === 'string' ? b.legalRepIdNumber.trim() : '';
  const usccWhy = typeof b.uscc === 'string' ? usccProblem(uscc) : 'FORMAT';
  if (usccWhy) errors.push({ field: 'uscc', code: `USCC_${usccWhy}`, message: USCC_MESSAGES[usccWhy] });
  if (name.length < 1 || name.length > 60) errors.push({ field: 'legalRepName', code: 'NAME_FORMAT', message: 'must be 1 to 60 characters' });
  const idWhy = typeof b.legalRepIdNumber === 'string' ? residentIdProblem(id) : 'FORMAT';
  if (idWhy) errors.push({ field: 'legalRepIdNumber', code: `ID_NUMBER_${idWhy}`, message: ID_MESSAGES[idWhy] });
  return errors.length ? { ok: false, errors } : { ok: true, uscc, legalRepName: name, legalRepIdNumber: id };
}

/** Field errors of a code submission. */
export function validateLoginRequest(body: unknown): { ok: true; challengeId: string; code: string } | { ok: false; errors: FieldError[] } {
  const b = (body ?? {}) as Record<string, unknown>;
  const errors: FieldError[] = [];
  if (typeof b.challengeId !== 'string' || !/^[0-9a-f-]{36}$/.test(b.challengeId)) errors.push({ field: 'challengeId', code: 'CHALLENGE_ID_FORMAT', message: 'must be the challengeId returned by the challenge request' });
  if (typeof b.code !== 'string' || !/^\d{6}$/.test(b.code)) errors.push({ field: 'code', code: 'CODE_FORMAT', message: 'must be the 6-digit code' });
  return errors.length ? { ok: false, errors } : { ok: true, challengeId: b.challengeId as string, code: b.code as string };
}
