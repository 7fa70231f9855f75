export interface SmsSender {
    sendLoginCode(message: {
        to: string;
        code: string;
        challengeId: string;
        at: string;
    }): Promise<void>;
}
/** DI token of the SmsSender adapter. */
export declare const SMS_SENDER: unique symbol;
