import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { SmsSender } from './sms.port';

/**
 * Embedded SMS: one JSON line per message appended to the outbox file: `{ to, code, challengeId, at }`
 * per login code (CONTRACT.md), `{ to, text, at, noticeId, kind, ref }` per notice.
 */
export class FileSmsSender implements SmsSender {
  constructor(private readonly path: string) {}

  async sendLoginCode(message: { to: string; code: string; challengeId: string; at: string }): Promise<void> {
    await this.append({ to: message.to, code: message.code, challengeId: message.challengeId, at: message.at });
  }

  async sendNotice(message: { to: string; text: string; at: string; noticeId: string; kind: string; ref: string }): Promise<void> {
    await this.append({ to: message.to, text: message.text, at: message.at, noticeId: message.noticeId, kind: message.kind, ref: message.ref });
  }

  private async append(line: Record<string, string>): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true, mode: 0o700 });
    await appendFile(this.path, `${JSON.stringify(line)}\n`, { mode: 0o600 });
  }
}
