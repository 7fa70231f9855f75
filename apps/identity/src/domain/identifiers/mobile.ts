// Mainland mobile numbers: 11 digits starting 13-19; the only shape the SMS port accepts.
const MOBILE = /^1[3-9]\d{9}$/;

/** True for an 11-digit mainland mobile number. */
export function isValidMobile(mobile: string): boolean {
  return MOBILE.test(mobile);
}

/** The number as it may appear to people and logs: 138****5678. */
export function maskMobile(mobile: string): string {
  return `${mobile.slice(0, 3)}****${mobile.slice(-4)}`;
}
