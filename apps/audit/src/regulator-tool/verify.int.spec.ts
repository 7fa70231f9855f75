import { generateKeyPairSync } from 'node:crypto';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeIntegration, integrationStack, serviceAuthHeaders, uniqueName } from '@cfc/testing';
import { canonicalJson, signCheckpoint, fromBase64 } from '@cfc/tlog';
import { envelope, testUscc } from '../testing/event-samples';
import { startAuditStack, type AuditStack } from '../testing/audit.stack';
import { recordDigest } from './activity.rebuild';
import { runVerify, type VerifyReport } from './verify.command';
import { parseVerifyOptions } from './verify.options';

const cliDist = join(__dirname, '..', '..', 'dist', 'regulator-tool', 'cli.js');

describeIntegration('npm run audit -- verify: the regulator replays the topics and names what was tampered with', () => {
  let stack: AuditStack;
  let dir: string;
  let keysFile: string;
  let entries: Buffer[];
  let checkpoints: Buffer[];
  const regulator = { kind: 'regulator' as const, id: 'R0001' };
  const SIZE = 600;

  /** A doctored copy of the two topics in topics of its own, then the tool on it. */
  const copyTopics = async (entryValues: Buffer[], checkpointValues: Buffer[]): Promise<[string, string]> => {
    const [e, c] = [uniqueName('tampered_entries'), uniqueName('tampered_checkpoints')];
    const admin = stack.kafka.admin();
    await admin.connect();
    await admin.ensureTopics([{ topic: e, partitions: 1 }, { topic: c, partitions: 1 }]);
    await admin.disconnect();
    const producer = stack.kafka.producer({ idempotent: true });
    await producer.connect();
    for (let i = 0; i < entryValues.length; i += 500) await producer.send(e, entryValues.slice(i, i + 500).map((value) => ({ value, partition: 0 })));
    await producer.send(c, checkpointValues.map((value) => ({ value, partition: 0 })));
    await producer.disconnect();
    return [e, c];
  };
  const verifyCopy = async (entryValues: Buffer[], checkpointValues: Buffer[] = checkpoints, extra: string[] = []): Promise<VerifyReport> => {
    const [e, c] = await copyTopics(entryValues, checkpointValues);
    const out: string[] = [];
    const options = parseVerifyOptions(['--brokers', integrationStack().kafkaBrokers.join(','), '--keys', keysFile, '--entries-topic', e, '--checkpoints-topic', c, ...extra]);
    return runVerify(options, { write: (t) => void out.push(t), isTTY: false }, stack.kafka);
  };
  const alter = (values: Buffer[], seq: number, edit: (text: string) => string) => values.map((v, i) => (i === seq ? Buffer.from(edit(v.toString('utf8')), 'utf8') : v));

  beforeAll(async () => {
    stack = await startAuditStack({ AUDIT_CHECKPOINT_EVERY_ENTRIES: '100', AUDIT_CHECKPOINT_INTERVAL_MS: '300' });
    dir = mkdtempSync(join(tmpdir(), 'audit-verify-'));
    await stack.publishInOrder([['identity', envelope('institution.registered', { subject: undefined })]]);
    await stack.publish('consent', Array.from({ length: SIZE - 1 }, (_, i) => envelope(['authorization.requested', 'authorization.granted', 'authorization.revoked'][i % 3], { subject: testUscc(100 + (i % 7)) })));
    await stack.untilPublished(SIZE);
    const keys = await stack.call('/v1/regulator/audit/keys', regulator);
    keysFile = join(dir, 'keys.json');
    writeFileSync(keysFile, keys.text);
    entries = (await stack.read(stack.topics.entries, SIZE)).map((m) => m.value!);
    checkpoints = (await stack.read(stack.topics.checkpoints, 1)).map((m) => m.value!);
  }, 180_000); // databases, migrations, Kafka logins and consumer groups: slow on a loaded 2-core machine
  afterAll(async () => {
    await stack?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('verifies the real topics: every root, signature and consistency, and rebuilds each record as the service has it', async () => {
    const out: string[] = [];
    const options = parseVerifyOptions(['--brokers', integrationStack().kafkaBrokers.join(','), '--keys', keysFile, '--entries-topic', stack.topics.entries, '--checkpoints-topic', stack.topics.checkpoints]);
    const report = await runVerify(options, { write: (t) => void out.push(t), isTTY: false }, stack.kafka);
    expect({ ok: report.ok, firstBadSeq: report.firstBadSeq, problems: report.problems }).toEqual({ ok: true, firstBadSeq: null, problems: [] });
    expect(report.entries).toBe(SIZE);
    expect(report.checkpointsVerified).toBe(report.checkpoints);
    expect(report.entriesCovered).toBe(SIZE);
    expect(report.activity).toMatchObject({ enterprises: 7, items: SIZE - 1, platformEntries: 1, byKind: { AUTHORIZATION: SIZE - 1 } });
    const subject = testUscc(103);
    const served = await stack.call(`/v1/regulator/subjects/${subject}/activity`, regulator);
    expect(report.activity.digests[subject]).toBe(recordDigest(served.body.items));
    expect(out.join('')).toMatch(/\| result +\| OK: nothing altered, dropped, added or reordered/);
  });

  it('one altered byte that breaks the JSON: named exactly from the topic alone', async () => {
    const report = await verifyCopy(alter(entries, 321, (t) => t.replace('":', '"!')));
    expect(report.ok).toBe(false);
    expect(report.firstBadSeq).toBe(321);
    expect(report.problems[0]).toMatchObject({ kind: 'ENTRY_NOT_JSON', position: 321 });
  });

  it('one altered byte that keeps the JSON canonical: bracketed by the checkpoints, then pinpointed by the log\'s tiles', async () => {
    const doctored = alter(entries, 333, (t) => t.replace('"authorization.', '"authorizatioN.'));
    const sizes = checkpoints.map((c) => JSON.parse(c.toString('utf8')).treeSize as number);
    const from = Math.max(...sizes.filter((s) => s <= 333));
    const to = Math.min(...sizes.filter((s) => s > 333)) - 1;
    expect(to - from).toBeLessThan(100); // checkpoints every 100 entries
    const alone = await verifyCopy(doctored);
    expect(alone.ok).toBe(false);
    expect(alone.problems[0]).toMatchObject({ kind: 'ROOT_MISMATCH', fromSeq: from, toSeq: to });
    // Every later checkpoint signs a root over the altered leaf too, and the first bad one is no extension of the last good one.
    expect(new Set(alone.problems.map((p) => p.kind))).toEqual(new Set(['ROOT_MISMATCH', 'CHECKPOINTS_INCONSISTENT']));
    expect(alone.firstBadSeq).toBe(from);
    const pinpointed = await verifyCopy(doctored, checkpoints, ['--log-url', `${stack.url}/v1/regulator/audit`, '--header', `x-cfc-service-token: ${(await serviceAuthHeaders('audit', { principal: regulator }))['x-cfc-service-token']}`]);
    expect(pinpointed.problems[0]).toMatchObject({ kind: 'LEAF_MISMATCH', seq: 333 });
    expect(pinpointed.firstBadSeq).toBe(333);
  });

  it('a forged record injected into the topic', async () => {
    const forged = Buffer.from(canonicalJson({ ...JSON.parse(entries[200].toString('utf8')), data: { authorizationId: 'forged', lender: 'L0001' } }));
    const report = await verifyCopy([...entries.slice(0, 201), forged, ...entries.slice(201)]);
    expect(report.ok).toBe(false);
    expect(report.firstBadSeq).toBe(201);
    expect(report.problemsByKind).toMatchObject({ SEQ_DUPLICATE: 1 });
  });

  it('one entry dropped', async () => {
    const report = await verifyCopy([...entries.slice(0, 450), ...entries.slice(451)]);
    expect(report.ok).toBe(false);
    expect(report.firstBadSeq).toBe(450);
    expect(report.problems).toContainEqual(expect.objectContaining({ kind: 'SEQ_GAP', fromSeq: 450, toSeq: 450 }));
  });

  it('two entries swapped', async () => {
    const swapped = [...entries];
    [swapped[120], swapped[121]] = [swapped[121], swapped[120]];
    const report = await verifyCopy(swapped);
    expect(report.ok).toBe(false);
    expect(report.firstBadSeq).toBe(120);
    expect(report.problemsByKind).toMatchObject({ SEQ_OUT_OF_ORDER: 1 });
  });

  it('a checkpoint signed with another key: UNKNOWN_KEY under its own key id, BAD_SIGNATURE under the log\'s', async () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const original = JSON.parse(checkpoints[2].toString('utf8'));
    const resign = (keyId: string) => Buffer.from(canonicalJson(signCheckpoint({ treeSize: original.treeSize, rootHash: fromBase64(original.rootHash)!, timestamp: original.timestamp, keyId }, privateKey)));
    const unknown = await verifyCopy(entries, checkpoints.map((c, i) => (i === 2 ? resign('0badc0de') : c)));
    expect(unknown.problems).toEqual([expect.objectContaining({ kind: 'UNKNOWN_KEY', treeSize: original.treeSize, keyId: '0badc0de' })]);
    const forged = await verifyCopy(entries, checkpoints.map((c, i) => (i === 2 ? resign(original.keyId) : c)));
    expect(forged.problems).toEqual([expect.objectContaining({ kind: 'BAD_SIGNATURE', treeSize: original.treeSize })]);
    expect(forged.ok).toBe(false);
  });

  it('as a process: plain progress and the summary table when not on a terminal, exit 0 clean and 1 tampered', async () => {
    if (!existsSync(cliDist)) throw new Error(`${cliDist} is missing: run \`npm run build\` first`);
    // The broker runs SASL: the tool logs in as the run's super user (the password from the environment,
    // off the command line), since the stack's namespaced topics are no regulator's to read.
    const sasl = integrationStack().kafkaSasl;
    const login = sasl ? ['--sasl-mechanism', sasl.mechanism, '--sasl-username', sasl.username] : [];
    const env = { ...process.env, ...(sasl ? { AUDIT_VERIFY_SASL_PASSWORD: sasl.password } : {}) };
    const run = (args: string[]) =>
      new Promise<{ code: number | null; out: string }>((resolve) => {
        const child = spawn(process.execPath, [cliDist, 'verify', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env });
        let out = '';
        child.stdout.on('data', (c) => (out += c));
        child.stderr.on('data', (c) => (out += c));
        child.once('exit', (code) => resolve({ code, out }));
      });
    const brokers = integrationStack().kafkaBrokers.join(',');
    const clean = await run(['--brokers', brokers, ...login, '--keys', keysFile, '--entries-topic', stack.topics.entries, '--checkpoints-topic', stack.topics.checkpoints]);
    expect(clean.code).toBe(0);
    expect(clean.out).toMatch(/^progress: 100\.0% 600\/600 entries/m);
    expect(clean.out).not.toContain('\r');
    expect(clean.out).toMatch(/\| first bad seq +\| - +\|/);
    const [e, c] = await copyTopics([...entries.slice(0, 41), ...entries.slice(42)], checkpoints);
    const tampered = await run(['--brokers', brokers, ...login, '--keys', keysFile, '--entries-topic', e, '--checkpoints-topic', c]);
    expect(tampered.code).toBe(1);
    expect(tampered.out).toMatch(/\| first bad seq +\| 41 +\|/);
    const usage = await run(['--keys', keysFile]);
    expect(usage.code).toBe(2);
    expect(usage.out).toContain('--brokers is required');
    const missingKeys = await run(['--brokers', brokers, '--keys', join(dir, 'nope.json')]);
    expect(missingKeys.code).toBe(3);
  }, 240_000); // four node processes, two of them reading 600 entries: slow on a loaded 2-core machine
});
