import { readFileSync } from 'node:fs';
import { compileValidator, type JsonSchema } from '@cfc/contracts';
import type { HeldAccount } from './domain/desk/holdings';

// The parts of `.data/demo.json` (CONTRACT.md "Embedded mode and demo data") the providers act from.

/** A provider's Kafka login, once the broker requires SASL (CONTRACT.md: `kafka` of each provider). */
export interface KafkaCredentials {
  mechanism: string;
  username: string;
  password: string;
}

export interface DemoProvider {
  institutionId: string;
  keyId: string;
  privateKeyPem: string;
  publicKeyPem: string;
  kafka?: KafkaCredentials;
}

export interface ProviderDemoData {
  kafka: string[];
  providers: DemoProvider[];
  /** Every account of every demo enterprise, with its holder. */
  accounts: HeldAccount[];
}

const text: JsonSchema = { type: 'string', minLength: 1 };
const demoSchema: JsonSchema = {
  type: 'object',
  required: ['kafka', 'enterprises', 'providers'],
  properties: {
    kafka: { type: 'array', items: text },
    enterprises: {
      type: 'array',
      items: {
        type: 'object',
        required: ['uscc', 'accounts'],
        properties: {
          uscc: text,
          accounts: {
            type: 'array',
            items: { type: 'object', required: ['provider', 'number', 'type'], properties: { provider: text, number: text, type: { enum: ['BASIC', 'GENERAL', 'PAYMENT'] } } },
          },
        },
      },
    },
    providers: {
      type: 'array',
      items: {
        type: 'object',
        required: ['institutionId', 'keyId', 'privateKeyPem', 'publicKeyPem'],
        properties: {
          institutionId: { type: 'string', pattern: '^[A-Z0-9]{4,20}$' },
          keyId: text,
          privateKeyPem: text,
          publicKeyPem: text,
          kafka: { type: 'object', required: ['mechanism', 'username', 'password'], properties: { mechanism: text, username: text, password: text } },
        },
      },
    },
  },
};

interface DemoDocument {
  kafka: string[];
  enterprises: Array<{ uscc: string; accounts: Array<{ provider: string; number: string; type: HeldAccount['type'] }> }>;
  providers: DemoProvider[];
}

const validateDemo = compileValidator<DemoDocument>('demo data set', demoSchema);

/** The demo data set is missing or malformed: restarting cannot help. */
export class DemoDataError extends Error {
  override readonly name = 'DemoDataError';
}

/** Reads and checks the demo data set; the error says which file and what is wrong (never a key). */
export function readDemoData(path: string): ProviderDemoData {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (error) {
    throw new DemoDataError(`cannot read the demo data set ${path}: ${(error as Error).message} (it is written by identity on the first embedded start)`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new DemoDataError(`the demo data set ${path} is not JSON`);
  }
  const checked = validateDemo.check(parsed);
  if (!checked.ok) throw new DemoDataError(`the demo data set ${path} is not in the expected shape: ${checked.error.message}`);
  const document = checked.value;
  return {
    kafka: document.kafka,
    providers: document.providers.map((p) => ({ institutionId: p.institutionId, keyId: p.keyId, privateKeyPem: p.privateKeyPem, publicKeyPem: p.publicKeyPem, ...(p.kafka ? { kafka: p.kafka } : {}) })),
    accounts: document.enterprises.flatMap((e) => e.accounts.map((a) => ({ provider: a.provider, subject: e.uscc, number: a.number, type: a.type }))),
  };
}

/** The demo provider with that id, or an error listing the ones there are. */
export function demoProvider(data: ProviderDemoData, institutionId: string): DemoProvider {
  const provider = data.providers.find((p) => p.institutionId === institutionId);
  if (!provider) throw new DemoDataError(`no provider ${institutionId} in the demo data set (there are: ${data.providers.map((p) => p.institutionId).join(', ')})`);
  return provider;
}
