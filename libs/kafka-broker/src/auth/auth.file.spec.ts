import { authFileUser, parseAuthFile, type AuthFileContent } from './auth.file';
import { scramCredential } from './scram';

describe('auth file', () => {
  let valid: AuthFileContent;
  beforeAll(async () => {
    valid = {
      users: [authFileUser('cfc-identity', await scramCredential('pw-identity')), authFileUser('cfc-admin', await scramCredential('pw-admin'))],
      superUsers: ['User:cfc-admin'],
      acls: [{ principal: 'User:cfc-identity', resourceType: 'TOPIC', patternType: 'LITERAL', resourceName: 'cfc.identity.events.v1', operation: 'WRITE', permission: 'ALLOW' }],
    };
  });
  const text = (patch: (c: AuthFileContent) => unknown) => {
    const copy = structuredClone(valid);
    patch(copy);
    return JSON.stringify(copy);
  };

  it('reads users, super users and rules', () => {
    const config = parseAuthFile(JSON.stringify(valid));
    expect([...config.users.keys()]).toEqual(['cfc-identity', 'cfc-admin']);
    expect(config.users.get('cfc-identity')?.iterations).toBe(4096);
    expect(config.users.get('cfc-identity')?.storedKey).toHaveLength(32);
    expect([...config.superUsers]).toEqual(['User:cfc-admin']);
    expect(config.acls).toEqual([{ principal: 'User:cfc-identity', resourceType: 'TOPIC', patternType: 'LITERAL', resourceName: 'cfc.identity.events.v1', operation: 'WRITE' }]);
  });

  it('names what is wrong', () => {
    expect(() => parseAuthFile('{ "users": [')).toThrow(/not JSON/);
    expect(() => parseAuthFile('{}')).toThrow(/must have required property 'users'/);
    expect(() => parseAuthFile(text((c) => (c.users[0].scramSha256.iterations = 1000)))).toThrow(/\/users\/0\/scramSha256\/iterations must be >= 4096/);
    expect(() => parseAuthFile(text((c) => Object.assign(c.acls![0], { operation: 'READ_EVERYTHING' })))).toThrow(/\/acls\/0\/operation/);
    expect(() => parseAuthFile(text((c) => Object.assign(c.acls![0], { permission: 'DENY' })))).toThrow(/\/acls\/0\/permission/);
    expect(() => parseAuthFile(text((c) => (c.superUsers = ['admin'])))).toThrow(/\/superUsers\/0/);
    expect(() => parseAuthFile(text((c) => c.users.push(c.users[0])))).toThrow(/listed twice/);
    expect(() => parseAuthFile(text((c) => Object.assign(c.users[0], { password: 'clear' })))).toThrow(/additional properties/);
  });
});
