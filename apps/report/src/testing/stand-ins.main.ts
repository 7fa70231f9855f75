import { readFileSync } from 'node:fs';
import type { BindingView } from '@cfc/contracts';
import { BindingApiStandIn } from './binding-api.stand-in';
import { ConsentCheckStandIn, type StandInAuthorization } from './consent-check.stand-in';

// Test support: the binding and consent stand-ins as one process, for `npm run bench -- report` until the
// real services exist. `STAND_INS_FILE` holds { authorizations, bindings }; prints one JSON line when ready.
async function main(): Promise<void> {
  const secret = process.env.INTERNAL_AUTH_SECRET;
  const file = process.env.STAND_INS_FILE;
  if (!secret || !file) throw new Error('set INTERNAL_AUTH_SECRET and STAND_INS_FILE');
  const data = JSON.parse(readFileSync(file, 'utf8')) as { authorizations: StandInAuthorization[]; bindings: BindingView[] };
  const bindings = (await BindingApiStandIn.start(secret, Number(process.env.BINDING_PORT ?? 0))).put(...data.bindings);
  const consent = (await ConsentCheckStandIn.start(secret, { port: Number(process.env.CONSENT_PORT ?? 0), isBound: (id) => bindings.status(id) === 'ACTIVE' })).put(...data.authorizations);
  bindings.calls.length = 0;
  // The bench runs long: keep no per-call history.
  setInterval(() => {
    bindings.calls.length = 0;
    consent.checks.length = 0;
  }, 1000).unref();
  const stop = () => void Promise.all([bindings.stop(), consent.stop()]).then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  process.stdout.write(`${JSON.stringify({ consent: consent.url, binding: bindings.url })}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
