// GB 32100-2015 Unified Social Credit Code: 17 characters plus a check character (CONTRACT.md).
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** True for an 18-character USCC whose check character matches; the subject id of every enterprise. */
export function isValidUscc(value: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(value[i]) * WEIGHTS[i];
  const check = (31 - (sum % 31)) % 31;
  return value[17] === CHARSET[check];
}
