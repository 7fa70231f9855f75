import { createPublicKey, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parseVerifierKey } from '@cfc/tlog';

/** The keys checkpoints may be signed with, by keyId, read from a file or URL the regulator trusts. */
export async function loadTrustedKeys(source: string, headers: Record<string, string> = {}): Promise<Map<string, KeyObject>> {
  const text = /^https?:\/\//.test(source) ? await fetchText(source, headers) : await readFile(source, 'utf8');
  const keys = parseTrustedKeys(text);
  if (keys.size === 0) throw new Error(`no keys in ${source}`);
  return keys;
}

/** /v1/regulator/audit/keys JSON ({ keys: [{ keyId, publicKeyPem | jwk }] } or the bare array), or C2SP verifier keys, one per line. */
export function parseTrustedKeys(text: string): Map<string, KeyObject> {
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const parsed = JSON.parse(trimmed) as { keys?: unknown[] } | unknown[];
    const list = (Array.isArray(parsed) ? parsed : (parsed.keys ?? [])) as Array<{ keyId?: string; publicKeyPem?: string; jwk?: { kty: string; crv: string; x: string } }>;
    return new Map(
      list.map((k) => {
        if (!k.keyId) throw new Error('a key without keyId');
        const key = k.publicKeyPem ? createPublicKey(k.publicKeyPem) : createPublicKey({ key: k.jwk as never, format: 'jwk' });
        if (key.asymmetricKeyType !== 'ed25519') throw new Error(`key ${k.keyId} is not Ed25519`);
        return [k.keyId, key];
      }),
    );
  }
  return new Map(
    trimmed.split('\n').filter((l) => l.trim()).map((line) => {
      const verifier = parseVerifierKey(line.trim());
      return [verifier.keyId.toString(16).padStart(8, '0'), verifier.publicKey];
    }),
  );
}

async function fetchText(url: string, headers: Record<string, string>): Promise<string> {
  const res = await fetch(url, { headers });
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  return res.text();
}
