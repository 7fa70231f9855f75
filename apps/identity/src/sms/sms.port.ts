// Sends a one-time login code to a mobile. The embedded adapter appends to a file (CONTRACT.md);
// a real adapter calls an SMS gateway. Implementations never log the code.
export interface SmsSender {
  sendLoginCode(message: { to: string; code: string; challengeId: string; at: string }): Promise<void>;
}

/** DI token of the SmsSender adapter. */
export const SMS_SENDER = Symbol('SMS_SENDER');
