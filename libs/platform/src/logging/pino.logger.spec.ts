import { Writable } from 'node:stream';
import { QueryFailedError } from 'typeorm';
import { errorSummary } from '../problem/error.summary';
import { createRootLogger } from './pino.logger';

function capture(): { stream: Writable; lines: () => string[] } {
  const chunks: string[] = [];
  const stream = new Writable({ write: (chunk: Buffer, _enc, done) => (chunks.push(chunk.toString('utf8')), done()) });
  return { stream, lines: () => chunks.join('').split('\n').filter(Boolean) };
}

const SECRETS = {
  mobile: '+8613800138000',
  code: '493817',
  parameters: ['110101199003074514', 'alice@example.com'],
  legalRepIdNumber: '110101199003074578',
  idNumber: '110101199003074593',
  clientSecret: 'cs-9f8e7d6c',
  client_secret: 'cs-1a2b3c4d',
  password: 'hunter2-secret',
  authorization: 'Bearer eyJhbGciOi.secret',
  cookie: 'session=abcdef123456',
  privateKeyPem: '-----BEGIN PRIVATE KEY-----MC4CAQ',
};
const secretValues = Object.values(SECRETS).flat();

describe('the root logger', () => {
  it('censors every sensitive key nested three levels deep, in objects and arrays, keeping the rest', () => {
    const sink = capture();
    const logger = createRootLogger('test', 'info', sink.stream);
    logger.info({ outer: { middle: { inner: { ...SECRETS, kept: 'visible-value' } }, list: [{ deeper: { ...SECRETS } }] } }, 'nested');
    logger.info({ ...SECRETS }, 'flat');
    const [nested, flat] = sink.lines();
    for (const value of secretValues) {
      expect(nested).not.toContain(value);
      expect(flat).not.toContain(value);
    }
    const parsed = JSON.parse(nested) as { outer: { middle: { inner: Record<string, unknown> } } };
    expect(parsed.outer.middle.inner.kept).toBe('visible-value');
    expect(parsed.outer.middle.inner.password).toBe('[redacted]');
    expect(parsed.outer.middle.inner.parameters).toBe('[redacted]');
  });

  it('survives circular log objects', () => {
    const sink = capture();
    const a: Record<string, unknown> = { password: 'loop-secret' };
    a.self = a;
    createRootLogger('test', 'info', sink.stream).info({ a }, 'loop');
    expect(sink.lines()[0]).not.toContain('loop-secret');
    expect(sink.lines()[0]).toContain('[circular]');
  });

  it('logs a failed query (as the problem filter does) with its class, code and message but no query parameters', () => {
    const driverError = Object.assign(new Error('duplicate key value violates unique constraint "users_id_number_key"'), {
      code: '23505',
      detail: 'Key (id_number)=(110101199003074514) already exists.',
    });
    const failure = new QueryFailedError('INSERT INTO users (id_number, mobile) VALUES ($1, $2)', ['110101199003074514', '+8613800138000'], driverError);
    const sink = capture();
    createRootLogger('test', 'info', sink.stream).error({ err: errorSummary(failure), problem: 'INTERNAL' }, 'request failed');
    const line = sink.lines()[0];
    expect(line).not.toContain('110101199003074514');
    expect(line).not.toContain('+8613800138000');
    expect(line).not.toContain('INSERT INTO');
    const { err } = JSON.parse(line) as { err: { type: string; code: string; message: string } };
    expect(err).toMatchObject({ type: 'QueryFailedError', code: '23505', message: 'duplicate key value violates unique constraint "users_id_number_key"' });
  });

  it('a raw error logged elsewhere still has its sensitive fields censored', () => {
    const sink = capture();
    const failure = new QueryFailedError('SELECT 1 WHERE a = $1', ['110101199003074514'], new Error('boom'));
    createRootLogger('test', 'info', sink.stream).error({ err: failure }, 'raw');
    expect(sink.lines()[0]).not.toContain('110101199003074514');
    expect(JSON.parse(sink.lines()[0]).err.type).toBe('QueryFailedError');
  });
});
