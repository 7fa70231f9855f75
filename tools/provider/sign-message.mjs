#!/usr/bin/env node
// Signs a provider message file the way CONTRACT.md asks (Ed25519 over the exact bytes, base64url) with
// a demo provider's key from .data/demo.json, and prints the three headers as kcat -H arguments:
//   kcat -P -b 127.0.0.1:9092 -t cfc.provider.inbound.v1 $(node tools/provider/sign-message.mjs .data/demo.json B0001 answer.json) answer.json
// (kcat sends a whole file as one message, so the signed bytes are exactly what travels.)
import { createPrivateKey, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';

const [demoPath, institutionId, messagePath] = process.argv.slice(2);
if (!demoPath || !institutionId || !messagePath) {
  process.stderr.write('usage: sign-message.mjs <demo.json> <provider institutionId> <message file>\n');
  process.exit(64);
}
const provider = JSON.parse(readFileSync(demoPath, 'utf8')).providers.find((p) => p.institutionId === institutionId);
if (!provider) {
  process.stderr.write(`no provider ${institutionId} in ${demoPath}\n`);
  process.exit(65);
}
const signature = sign(null, readFileSync(messagePath), createPrivateKey(provider.privateKeyPem)).toString('base64url');
process.stdout.write(`-H cfc-provider=${institutionId} -H cfc-key-id=${provider.keyId} -H cfc-signature=${signature}\n`);
