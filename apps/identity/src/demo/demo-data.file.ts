import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DEMO_INSTITUTIONS, withKafkaCredentials, type DemoDataSet, type DemoKafkaCredentialsFile } from '../domain/demo/demo-data';
import { buildDemoDataSet, type DemoSecrets } from '../domain/demo/demo-data.generator';

// `.data/demo.json` is written once, on the first embedded start: the enterprises are deterministic,
// the provider key pairs and client secrets are fresh random values that never enter the repository.
// The Kafka logins come from the launcher, which made them for the broker's auth file: it passes a
// file path (DEMO_KAFKA_CREDENTIALS_PATH, mode 600) rather than the passwords themselves, so that no
// password sits in a process environment, and identity copies them in on every start.

/** The demo data set with the launcher's Kafka logins, rewritten when they changed. */
export function ensureDemoDataSet(path: string, where: { gateway: string; kafka: string[] }, kafkaCredentialsPath?: string): { dataSet: DemoDataSet; created: boolean } {
  const { dataSet, created } = readOrCreate(path, where);
  if (!kafkaCredentialsPath) return { dataSet, created };
  const credentials = JSON.parse(readFileSync(kafkaCredentialsPath, 'utf8')) as DemoKafkaCredentialsFile;
  const updated = withKafkaCredentials(dataSet, credentials);
  if (JSON.stringify(updated) !== JSON.stringify(dataSet)) {
    const temp = `${path}.${process.pid}.tmp`;
    writeFileSync(temp, `${JSON.stringify(updated, null, 2)}\n`, { mode: 0o600 });
    renameSync(temp, path);
  }
  return { dataSet: updated, created };
}

/** Reads the demo data set, or creates it (with new keys and secrets) when the file does not exist. */
function readOrCreate(path: string, where: { gateway: string; kafka: string[] }): { dataSet: DemoDataSet; created: boolean } {
  if (existsSync(path)) return { dataSet: JSON.parse(readFileSync(path, 'utf8')) as DemoDataSet, created: false };
  const dataSet = buildDemoDataSet({ ...where, secrets: freshDemoSecrets() });
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  try {
    writeFileSync(path, `${JSON.stringify(dataSet, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another process won the race: use its file, so every service sees the same secrets.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return { dataSet: JSON.parse(readFileSync(path, 'utf8')) as DemoDataSet, created: false };
    throw error;
  }
  return { dataSet, created: true };
}

function freshDemoSecrets(): DemoSecrets {
  const providerKeys: DemoSecrets['providerKeys'] = {};
  for (const { institutionId } of DEMO_INSTITUTIONS.providers) {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    providerKeys[institutionId] = {
      keyId: `${institutionId.toLowerCase()}-k1`,
      privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    };
  }
  const clientSecrets: Record<string, string> = {};
  for (const { institutionId } of [...DEMO_INSTITUTIONS.lenders, ...DEMO_INSTITUTIONS.regulators]) {
    clientSecrets[institutionId] = randomBytes(24).toString('base64url');
  }
  return { providerKeys, clientSecrets };
}
