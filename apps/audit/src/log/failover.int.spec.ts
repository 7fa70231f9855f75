import { createPublicKey } from 'node:crypto';
import { describeIntegration } from '@cfc/testing';
import { replayAuditLog } from '@cfc/tlog';
import { envelope, testUscc } from '../testing/event-samples';
import { eventually, startAuditStack, type AuditStack } from '../testing/audit.stack';

describeIntegration('audit log across instances and restarts: one sequencer, one publisher, nothing twice', () => {
  let owner: AuditStack; // the first instance: its stop() drops the database
  let first: AuditStack;
  let second: AuditStack;
  const started: AuditStack[] = [];
  const again = async (s: AuditStack) => {
    const next = await startAuditStack({}, { db: s.db, namespace: s.namespace, dataDir: s.dataDir });
    started.push(next);
    return next;
  };
  const events = (n: number, from: number) => Array.from({ length: n }, (_, i) => envelope(i % 2 ? 'authorization.paused' : 'authorization.resumed', { subject: testUscc(from + i) }));
  const onTopic = async (s: AuditStack, topic: string) => {
    const admin = s.kafka.admin();
    await admin.connect();
    try {
      return Number((await admin.topicOffsets(topic))[0].high);
    } finally {
      await admin.disconnect();
    }
  };
  const replay = async (s: AuditStack, size: number) => {
    const keys = (await s.call('/v1/regulator/audit/keys', { kind: 'regulator', id: 'R0001' })).body.keys as Array<{ keyId: string; publicKeyPem: string }>;
    const checkpoints = await s.read(s.topics.checkpoints, await onTopic(s, s.topics.checkpoints));
    const entries = await s.read(s.topics.entries, size);
    return replayAuditLog({ entries: entries.map((m) => m.value!), checkpoints: checkpoints.map((m) => m.value!), trustedKeys: new Map(keys.map((k) => [k.keyId, createPublicKey(k.publicKeyPem)])) });
  };

  beforeAll(async () => {
    owner = first = await startAuditStack();
  }, 180_000); // databases, migrations, Kafka logins and consumer groups: slow on a loaded 2-core machine
  afterAll(async () => {
    for (const s of started) await s.stop().catch(() => undefined); // closing a closed app is harmless
    await owner?.stop();
  });

  it('with two instances on one log, one holds each lease; after the leader stops the other carries on gap-free', async () => {
    second = await again(first);
    await first.publish('consent', events(300, 0));
    await first.untilPublished(300);
    const leaders = [first, second].filter((s) => s.runtime.sequencer.leading);
    expect(leaders).toHaveLength(1);
    expect([first, second].filter((s) => s.runtime.publisher.leading)).toHaveLength(1);
    const leader = leaders[0];
    const standby = leader === first ? second : first;
    await leader.app.app.close();
    await first.publish('consent', events(100, 300));
    await eventually('the standby takes over and publishes', async () => standby.runtime.sequencer.leading && standby.runtime.publisher.published.entries >= 400);
    await standby.untilPublished(400);
    expect(await onTopic(standby, standby.topics.entries)).toBe(400);
    const result = await replay(standby, 400);
    expect({ ok: result.ok, problems: result.problems, treeSize: result.treeSize }).toEqual({ ok: true, problems: [], treeSize: 400 });
    expect(result.counts.entriesCovered).toBe(400);
    expect(result.counts.checkpointsVerified).toBe(result.counts.checkpoints);
    first = standby;
  });

  it('a restarted service resumes the tree and the topics where they were: no entry or checkpoint published twice', async () => {
    await first.app.app.close();
    first = await again(first);
    await first.publish('consent', events(60, 400));
    await first.untilPublished(460);
    expect(await onTopic(first, first.topics.entries)).toBe(460);
    const result = await replay(first, 460);
    expect({ ok: result.ok, problems: result.problems, covered: result.counts.entriesCovered }).toEqual({ ok: true, problems: [], covered: 460 });
    const stored = await first.runtime.db.query<{ n: string }>(`SELECT count(*) AS n FROM audit.checkpoints`);
    expect(await onTopic(first, first.topics.checkpoints)).toBe(Number(stored.rows[0].n));
  });
});
