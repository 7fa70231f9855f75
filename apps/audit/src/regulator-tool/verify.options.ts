import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Topics } from '@cfc/contracts';
import type { KafkaSasl } from '@cfc/platform/kafka';

/** What `npm run audit -- verify` was asked to do. */
export interface VerifyOptions {
  brokers: string[];
  sasl?: KafkaSasl;
  /** File or http(s) URL of the trusted keys: /v1/regulator/audit/keys JSON, or C2SP verifier keys one per line. */
  keys: string;
  entriesTopic: string;
  checkpointsTopic: string;
  /** A throwaway consumer group: only to be allowed to fetch (reading starts at offset 0 regardless). */
  group: string;
  /** The log's regulator API (…/v1/regulator/audit), to pinpoint an altered entry from its level-0 tiles. */
  logUrl?: string;
  headers: Record<string, string>;
  /** Every rebuilt activity item as NDJSON lines { subject, item }. */
  activityOut?: string;
  json: boolean;
}

export class UsageError extends Error {}

export const USAGE = `usage: npm run audit -- verify --brokers <host:port,...> --keys <file or URL>
         [--sasl-mechanism scram-sha-256|plain --sasl-username <user> (--sasl-password <pw> | --sasl-password-file <file>)]
         [--entries-topic ${Topics.audit}] [--checkpoints-topic ${Topics.auditCheckpoints}] [--group <id>]
         [--log-url <base of /v1/regulator/audit>] [--header 'name: value' ...] [--activity-out <file>] [--json]`;

/** Parses the verify command's arguments; UsageError names what is wrong. */
export function parseVerifyOptions(args: string[], env: NodeJS.ProcessEnv = process.env): VerifyOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      options: {
        brokers: { type: 'string' },
        keys: { type: 'string' },
        'sasl-mechanism': { type: 'string' },
        'sasl-username': { type: 'string' },
        'sasl-password': { type: 'string' },
        'sasl-password-file': { type: 'string' },
        'entries-topic': { type: 'string', default: Topics.audit },
        'checkpoints-topic': { type: 'string', default: Topics.auditCheckpoints },
        group: { type: 'string' },
        'log-url': { type: 'string' },
        header: { type: 'string', multiple: true, default: [] },
        'activity-out': { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const brokers = (values.brokers ?? '').split(',').map((b) => b.trim()).filter(Boolean);
  if (brokers.length === 0) throw new UsageError('--brokers is required');
  const keys = values.keys ?? env.AUDIT_KEYS;
  if (!keys) throw new UsageError('--keys is required (the trusted keys: a file or the /v1/regulator/audit/keys URL)');
  const sasl = saslFrom(values, env);
  const headers: Record<string, string> = {};
  for (const header of values.header ?? []) {
    const at = header.indexOf(':');
    if (at < 1) throw new UsageError(`--header must be 'name: value', got ${JSON.stringify(header)}`);
    headers[header.slice(0, at).trim().toLowerCase()] = header.slice(at + 1).trim();
  }
  const user = sasl?.username;
  const random = randomBytes(4).toString('hex');
  return {
    brokers,
    sasl,
    keys,
    entriesTopic: values['entries-topic']!,
    checkpointsTopic: values['checkpoints-topic']!,
    // A regulator may join only its own groups (cfc.regulator.<institutionId>.*); a fresh one each run.
    group: values.group ?? (user && /^[A-Z0-9]{4,20}$/.test(user) ? `cfc.regulator.${user}.verify-${random}` : `cfc.audit-verify.${random}`),
    logUrl: values['log-url']?.replace(/\/+$/, ''),
    headers,
    activityOut: values['activity-out'],
    json: values.json ?? false,
  };
}

function saslFrom(values: Record<string, unknown>, env: NodeJS.ProcessEnv): KafkaSasl | undefined {
  const mechanism = values['sasl-mechanism'] as string | undefined;
  if (mechanism === undefined) return undefined;
  if (mechanism !== 'scram-sha-256' && mechanism !== 'plain') throw new UsageError('--sasl-mechanism must be scram-sha-256 or plain');
  const username = values['sasl-username'] as string | undefined;
  const file = values['sasl-password-file'] as string | undefined;
  const password = (values['sasl-password'] as string | undefined) ?? (file ? readFileSync(file, 'utf8').trim() : env.AUDIT_VERIFY_SASL_PASSWORD);
  if (!username || password === undefined) throw new UsageError('SASL needs --sasl-username and a password (--sasl-password, --sasl-password-file or AUDIT_VERIFY_SASL_PASSWORD)');
  return { mechanism, username, password };
}
