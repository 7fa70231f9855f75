import { ConfigError, defineConfig, isRequired, loadConfig, platformVariables } from '.';

const schema = defineConfig({
  ...platformVariables(8083),
  FEATURE_ON: { type: 'boolean', default: false, description: 'a flag' },
  MODE: { type: 'enum', values: ['a', 'b'], required: true, description: 'a mode' },
  SECRET_KEY: { type: 'string', required: true, secret: true, description: 'a secret' },
});

const valid = {
  DATABASE_URL: 'postgres://u:p@localhost:5432/cfc_consent',
  KAFKA_BROKERS: '127.0.0.1:9092, 127.0.0.1:9093',
  INTERNAL_AUTH_SECRET: 'an-internal-auth-secret-of-32-characters',
  MODE: 'a',
  SECRET_KEY: 'hunter2',
};

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(schema, env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('parses types and fills defaults', () => {
    const config = loadConfig(schema, { ...valid, FEATURE_ON: 'yes', PORT: '9000' });
    expect(config.PORT).toBe(9000);
    expect(config.HOST).toBe('127.0.0.1');
    expect(config.KAFKA_BROKERS).toEqual(['127.0.0.1:9092', '127.0.0.1:9093']);
    expect(config.FEATURE_ON).toBe(true);
    expect(config.LOG_LEVEL).toBe('info');
    expect(config.KAFKA_CLIENT_ID).toBeUndefined();
  });

  it('names every missing required variable', () => {
    const problems = problemsOf({ MODE: 'a' });
    expect(problems.map((p) => p.split(' ')[0]).sort()).toEqual(['DATABASE_URL', 'INTERNAL_AUTH_SECRET', 'KAFKA_BROKERS', 'SECRET_KEY']);
  });

  it('names invalid values, and never prints secrets', () => {
    const problems = problemsOf({ ...valid, PORT: '70000', MODE: 'c', FEATURE_ON: 'maybe', DATABASE_URL: 'mysql://x/y', LOG_LEVEL: 'loud' });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^PORT must be between 0 and 65535/),
        expect.stringMatching(/^MODE must be one of a, b/),
        expect.stringMatching(/^FEATURE_ON must be true or false/),
        expect.stringMatching(/^LOG_LEVEL must be one of/),
        'DATABASE_URL must be a postgres or postgresql URL',
      ]),
    );
    expect(problemsOf({ ...valid, DATABASE_URL: 'not a url with secret' }).join()).not.toContain('secret');
  });

  it('refuses a string shorter than its minLength, without printing it', () => {
    const tokenSchema = defineConfig({ TOKEN: { type: 'string', minLength: 32, secret: true, description: 'a token' } });
    expect(() => loadConfig(tokenSchema, { TOKEN: 'short-secret' })).toThrow('TOKEN must be at least 32 characters');
    expect(() => loadConfig(tokenSchema, { TOKEN: 'short-secret' })).not.toThrow(/short-secret/);
    expect(loadConfig(tokenSchema, { TOKEN: 'x'.repeat(32) }).TOKEN).toHaveLength(32);
  });

  it('treats blank values as missing', () => {
    expect(problemsOf({ ...valid, SECRET_KEY: '  ' })).toEqual([expect.stringMatching(/^SECRET_KEY is required/)]);
  });

  it('says which variables a deployment must set', () => {
    const required = Object.entries(schema).filter(([, spec]) => isRequired(spec)).map(([name]) => name);
    expect(required.sort()).toEqual(['DATABASE_URL', 'INTERNAL_AUTH_SECRET', 'KAFKA_BROKERS', 'MODE', 'SECRET_KEY']);
  });
});
