import type { SmsSender } from './sms.port';
/** Embedded SMS: one JSON line `{ to, code, challengeId, at }` per code, appended to the outbox file. */
export declare class FileSmsSender implements SmsSender {
    private readonly path;
    constructor(path: string);
    sendLoginCode(message: {
        to: string;
        code: string;
        challengeId: string;
        at: string;
    }): Promise<void>;
}
