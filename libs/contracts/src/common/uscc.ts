// GB 32100-2015 Unified Social Credit Code: 17 characters plus a MOD 31 check character (CONTRACT.md).
// The one implementation: identity's login validation and demo data, and the `uscc` schema format, use it.
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const USCC_SHAPE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

export type UsccProblem = 'FORMAT' | 'CHECK_CHARACTER';

/** Check character for the first 17 characters; the standard maps 31 to 0. */
export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARSET.indexOf(first17[i]) * WEIGHTS[i];
  return USCC_CHARSET[(31 - (sum % 31)) % 31];
}

/** Why a USCC is invalid, or undefined when it is valid; lets a 400 name the exact problem. */
export function usccProblem(uscc: string): UsccProblem | undefined {
  if (!USCC_SHAPE.test(uscc)) return 'FORMAT';
  return usccCheckCharacter(uscc.slice(0, 17)) === uscc[17] ? undefined : 'CHECK_CHARACTER';
}

/** True for an 18-character USCC whose check character matches; the subject id of every enterprise. */
export function isValidUscc(value: string): boolean {
  return usccProblem(value) === undefined;
}
