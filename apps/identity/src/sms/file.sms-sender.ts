import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { SmsSender } from './sms.port';

/** Embedded SMS: one JSON line `{ to, code, challengeId, at }` per code, appended to the outbox file. */
export class FileSmsSender implements SmsSender {
  constructor(private readonly path: string) {}

  async sendLoginCode(message: { to: string; code: string; challengeId: string; at: string }): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true, mode: 0o700 });
    const line = JSON.stringify({ to: message.to, code: message.code, challengeId: message.challengeId, at: message.at });
    await appendFile(this.path, `${line}\n`, { mode: 0o600 });
  }
}
