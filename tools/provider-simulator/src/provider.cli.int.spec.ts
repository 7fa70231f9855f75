import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { staticProviderKeyRegistry, statisticsSubmitted, Topics, verifyProviderMessage } from '@cfc/contracts';
import { describeIntegration, integrationStack, uniqueName } from '@cfc/testing';
import { demoProviderLogin, enterpriseWithProfile, testKafka, TopicReader, writeDemoData } from './testing/platform-side';

const run = promisify(execFile);
const CLI = resolve(__dirname, '..', 'dist', 'cli.js');
const REPO = resolve(__dirname, '..', '..', '..');
const MAIN = resolve(__dirname, '..', 'dist', 'main.js');

// The README's provider step, as a person types it: make a message, sign it with the script, send it
// with kcat to the inbound topic, logged in as B0001 itself (its own principal and ACLs on the test
// broker, as demo.json gives them under `npm start`); the platform side reads it with kafkajs and
// verifies it as every service does.
describeIntegration('npm run provider -- sign, with kcat (built CLI; run `npm run build` first)', () => {
  // The CLI resolves DEMO_DATA_PATH from the repository root (npm's working directory): give it absolute.
  let dir: string;
  afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('signs a statistics message that kcat sends and verifyProviderMessage accepts, byte for byte', async () => {
    expect(existsSync(CLI)).toBe(true);
    const { kafkaBrokers } = integrationStack();
    dir = mkdtempSync(join(tmpdir(), 'cfc-provider-kcat-'));
    const subject = enterpriseWithProfile('steady');
    const demo = writeDemoData(dir, { brokers: kafkaBrokers, providers: ['B0001'], enterprises: [{ uscc: subject, accounts: [{ provider: 'B0001', number: '6222000000000000301', type: 'BASIC' }] }], login: demoProviderLogin });
    const topic = Topics.providerInbound;
    const kafka = testKafka('provider-cli-int');

    const script = [
      'set -euo pipefail',
      // as the README has it, from another directory: npm runs the script in the repository root
      `cli() { npm --prefix "${REPO}" run -s provider -- "$@"; }`,
      'cli statistics --provider B0001 --account 6222000000000000301 > msg.json',
      `kcat $(cli kcat-args --provider B0001) -P -t "${topic}" $(cli sign --provider B0001 --file msg.json) msg.json`,
    ].join('\n');
    await run('bash', ['-c', script], { cwd: dir, env: { ...process.env, DEMO_DATA_PATH: demo.path }, timeout: 30_000 });

    const { submissionId } = JSON.parse(readFileSync(join(dir, 'msg.json'), 'utf8')) as { submissionId: string };
    // The inbound topic is shared with other suites: ours is the message with our submissionId.
    const reader = await TopicReader.start(kafka, topic, uniqueName('platform-side'));
    try {
      const [message] = await reader.waitFor({ type: 'statistics.submitted', submissionId });
      expect(message.value.equals(readFileSync(join(dir, 'msg.json')))).toBe(true);
      expect(await verifyProviderMessage(message.headers, message.value, staticProviderKeyRegistry(demo.keys))).toEqual({ ok: true, provider: 'B0001', keyId: 'b0001-k1' });
      expect(statisticsSubmitted.validate.check(message.json).ok).toBe(true);
    } finally {
      await reader.stop();
    }
  });
});

describe('the simulator process (built)', () => {
  const exitOf = async (env: NodeJS.ProcessEnv) =>
    run(process.execPath, [MAIN], { env: { ...process.env, ...env }, timeout: 30_000 }).then(
      () => ({ code: 0, out: '' }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, out: error.stdout + error.stderr }),
    );

  it('exits 78 (no restart) naming the variable when its configuration is bad', async () => {
    const { code, out } = await exitOf({ CFC_SIMULATOR_OBJECTIONS: 'sometimes' });
    expect(code).toBe(78);
    expect(out).toContain('CFC_SIMULATOR_OBJECTIONS must be one of by-id, correct, uphold, ignore');
  });

  it('exits 78 when there is no demo data set to act from', async () => {
    const { code, out } = await exitOf({ DEMO_DATA_PATH: join(tmpdir(), 'cfc-no-such-dir', 'demo.json'), KAFKA_BROKERS: '127.0.0.1:1' });
    expect(code).toBe(78);
    expect(out).toContain('cannot read the demo data set');
  });
});
