import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AgreementVersion } from '../domain/agreement/agreement';

// Every version of 《资金流信用信息委托提供协议》 ever published, one text file each in texts/. A published
// file never changes (bindings signed it by hash; agreement.catalog.spec.ts pins each hash): a new
// version is a new file plus a line here with the instant it takes effect. See the README.
const PUBLISHED = [{ version: '1.0', file: '1.0.txt', effectiveFrom: '2026-01-01T00:00:00.000Z' }] as const;

export const AGREEMENT_TITLE = '资金流信用信息委托提供协议';

// The texts stay in src/ (the build copies no assets); from dist/agreement and src/agreement alike this is apps/binding/src/agreement/texts.
const TEXTS_DIR = resolve(__dirname, '..', '..', 'src', 'agreement', 'texts');

/** Reads and hashes every published version (at start: a missing file stops the service). */
export function loadAgreementVersions(dir = TEXTS_DIR): AgreementVersion[] {
  return PUBLISHED.map(({ version, file, effectiveFrom }) => {
    const bytes = readFileSync(join(dir, file));
    return { version, title: AGREEMENT_TITLE, effectiveFrom, text: bytes.toString('utf8'), sha256: createHash('sha256').update(bytes).digest('hex') };
  });
}
