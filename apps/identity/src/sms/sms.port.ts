// Sends text messages to a mobile: one-time login codes, and notices to the enterprise. The embedded
// adapter appends to a file (CONTRACT.md); a real adapter calls an SMS gateway. Implementations never
// log the code, the number or the text.
export interface SmsSender {
  sendLoginCode(message: { to: string; code: string; challengeId: string; at: string }): Promise<void>;
  /** A notice without personal data in its text; `noticeId` is stable across retries (a gateway can dedupe on it). */
  sendNotice(message: { to: string; text: string; at: string; noticeId: string; kind: string; ref: string }): Promise<void>;
}

/** DI token of the SmsSender adapter. */
export const SMS_SENDER = Symbol('SMS_SENDER');
