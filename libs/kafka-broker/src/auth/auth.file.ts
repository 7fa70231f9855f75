import Ajv from 'ajv';
import { ACL_OPERATIONS, PATTERN_TYPES, RESOURCE_TYPES, type AclRule, type Principal } from './acl.types';
import { MIN_SCRAM_ITERATIONS, type ScramCredential } from './scram';

/*
 * The broker's auth file (JSON), written by the launcher or an operator; README "Auth file".
 * {
 *   "users": [ { "name": "cfc-identity",
 *                "scramSha256": { "salt": b64, "iterations": 4096, "storedKey": b64, "serverKey": b64 } } ],
 *   "superUsers": [ "User:cfc-admin" ],
 *   "acls": [ { "principal": "User:cfc-identity", "resourceType": "TOPIC", "patternType": "LITERAL",
 *               "resourceName": "cfc.identity.events.v1", "operation": "WRITE", "permission": "ALLOW" } ]
 * }
 * PLAIN logins are checked against the same salted SCRAM credential: no password is ever stored.
 */
export interface AuthFileUser {
  name: string;
  scramSha256: { salt: string; iterations: number; storedKey: string; serverKey: string };
}

export interface AuthFileContent {
  users: AuthFileUser[];
  superUsers?: string[];
  acls?: Array<Omit<AclRule, 'principal'> & { principal: string; permission?: 'ALLOW' }>;
}

/** The validated file: credentials by user name, rules, super users. */
export interface AuthConfig {
  readonly users: ReadonlyMap<string, ScramCredential>;
  readonly superUsers: ReadonlySet<Principal>;
  readonly acls: readonly AclRule[];
}

const USERNAME = '^[A-Za-z0-9._@-]{1,128}$';
const PRINCIPAL = '^User:([A-Za-z0-9._@-]{1,128}|\\*)$';
const BASE64 = '^[A-Za-z0-9+/]+={0,2}$';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['users'],
  properties: {
    users: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'scramSha256'],
        properties: {
          name: { type: 'string', pattern: USERNAME },
          scramSha256: {
            type: 'object',
            additionalProperties: false,
            required: ['salt', 'iterations', 'storedKey', 'serverKey'],
            properties: {
              salt: { type: 'string', pattern: BASE64 },
              iterations: { type: 'integer', minimum: MIN_SCRAM_ITERATIONS },
              storedKey: { type: 'string', pattern: BASE64, minLength: 44, maxLength: 44 },
              serverKey: { type: 'string', pattern: BASE64, minLength: 44, maxLength: 44 },
            },
          },
        },
      },
    },
    superUsers: { type: 'array', items: { type: 'string', pattern: PRINCIPAL } },
    acls: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['principal', 'resourceType', 'patternType', 'resourceName', 'operation'],
        properties: {
          principal: { type: 'string', pattern: PRINCIPAL },
          resourceType: { enum: RESOURCE_TYPES },
          patternType: { enum: PATTERN_TYPES },
          resourceName: { type: 'string', minLength: 1, maxLength: 249 },
          operation: { enum: ACL_OPERATIONS },
          permission: { const: 'ALLOW' },
        },
      },
    },
  },
} as const;

const validate = new Ajv({ allErrors: true }).compile<AuthFileContent>(schema);

/** Parses and validates the file's text; throws an Error naming every problem (never a secret value). */
export function parseAuthFile(text: string): AuthConfig {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(`not JSON: ${(e as Error).message}`);
  }
  if (!validate(json)) {
    const problems = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
    throw new Error([...new Set(problems)].join('; '));
  }
  const users = new Map<string, ScramCredential>();
  for (const user of json.users) {
    if (users.has(user.name)) throw new Error(`user "${user.name}" listed twice`);
    const s = user.scramSha256;
    users.set(user.name, {
      salt: Buffer.from(s.salt, 'base64'),
      iterations: s.iterations,
      storedKey: Buffer.from(s.storedKey, 'base64'),
      serverKey: Buffer.from(s.serverKey, 'base64'),
    });
  }
  const acls = (json.acls ?? []).map(
    (a): AclRule => ({ principal: a.principal as Principal, resourceType: a.resourceType, patternType: a.patternType, resourceName: a.resourceName, operation: a.operation }),
  );
  return { users, superUsers: new Set((json.superUsers ?? []) as Principal[]), acls };
}

/** The file's user entry for a credential (what the launcher and tests write). */
export function authFileUser(name: string, credential: ScramCredential): AuthFileUser {
  return {
    name,
    scramSha256: {
      salt: credential.salt.toString('base64'),
      iterations: credential.iterations,
      storedKey: credential.storedKey.toString('base64'),
      serverKey: credential.serverKey.toString('base64'),
    },
  };
}
