import { createKafkaClient, type MessagingClient } from '@cfc/platform/kafka';
import { checkEntry, replayAuditLog, type ReplayProblem, type ReplayResult } from '@cfc/tlog';
import type { ActivityRebuildSummary } from './activity.rebuild';
import { activitySink } from './activity.parallel';
import { readTopicFromStart, topicEnd } from './kafka-log.source';
import { LeafRecorder, pinpointLeaves, type LeafMismatch } from './leaf-pinpoint';
import { Progress, table, type Output } from './progress';
import { loadTrustedKeys } from './trusted-keys';
import type { VerifyOptions } from './verify.options';

/** The verdict, as the summary table and the --json line give it. */
export interface VerifyReport {
  ok: boolean;
  firstBadSeq: number | null;
  entries: number;
  checkpoints: number;
  checkpointsVerified: number;
  entriesCovered: number;
  treeSize: number;
  rootHash: string;
  problems: Array<Pick<ReplayProblem, 'kind' | 'message' | 'seq' | 'position' | 'fromSeq' | 'toSeq' | 'treeSize' | 'keyId'> | LeafMismatch>;
  problemsByKind: Record<string, number>;
  activity: ActivityRebuildSummary;
  seconds: number;
  entriesPerSec: number;
  /** CPU seconds this process used (user + system), start-up included. */
  cpuSeconds: number;
}

/**
 * Replays cfc.audit.v1 and cfc.audit.checkpoints.v1 from offset 0 up to the ends they had at the start
 * (checkpoints' end read first, so every checkpoint read can be covered), verifies with @cfc/tlog's replay
 * (JCS, seq continuity, every root and signature, consistency of consecutive checkpoints), rebuilds every
 * activity record, and, given the log's URL, pinpoints an altered entry from its level-0 tiles.
 */
export async function runVerify(options: VerifyOptions, out: Output, client?: MessagingClient): Promise<VerifyReport> {
  const kafka = client ?? createKafkaClient({ brokers: options.brokers, clientId: 'cfc-audit-verify', sasl: options.sasl });
  const trustedKeys = await loadTrustedKeys(options.keys, options.headers);
  const checkpointsEnd = await topicEnd(kafka, options.checkpointsTopic);
  const entriesEnd = await topicEnd(kafka, options.entriesTopic);
  say(out, options, `replaying ${entriesEnd.toLocaleString('en-US')} entries and ${checkpointsEnd.toLocaleString('en-US')} checkpoints (${trustedKeys.size} trusted key(s): ${[...trustedKeys.keys()].join(', ')})\n`);
  const checkpoints: Uint8Array[] = [];
  for await (const batch of readTopicFromStart(kafka, options.checkpointsTopic, checkpointsEnd, `${options.group}.checkpoints`)) for (const m of batch) checkpoints.push(m.value ?? Buffer.alloc(0));

  const activity = activitySink(options.activityOut);
  const leaves = options.logUrl ? new LeafRecorder() : undefined;
  const progress = options.json ? undefined : new Progress(out, entriesEnd);
  const started = Date.now();
  let seen = 0;
  async function* entries(): AsyncGenerator<Uint8Array[]> {
    for await (const batch of readTopicFromStart(kafka, options.entriesTopic, entriesEnd, `${options.group}.entries`)) {
      const values = batch.map((m) => m.value ?? Buffer.alloc(0));
      await activity.add(values);
      if (leaves) for (const v of values) leaves.add(checkEntry(v).leaf);
      seen += values.length;
      yield values;
    }
  }
  const result = await replayAuditLog({ entries: entries(), checkpoints, trustedKeys, onProgress: (p) => progress?.update(p.entries, p.problems), progressEvery: 20_000 });
  progress?.finish(seen, result.counts.problems);
  const seconds = (Date.now() - started) / 1000;
  const mismatches = leaves && options.logUrl ? await pinpointLeaves(result.problems, leaves, tileFetcher(options.logUrl, options.headers)) : [];
  const report = toReport(result, mismatches, await activity.finish(), seconds);
  if (options.json) out.write(`${JSON.stringify(report)}\n`);
  else out.write(summary(report));
  return report;
}

function toReport(result: ReplayResult, mismatches: LeafMismatch[], activity: ActivityRebuildSummary, seconds: number): VerifyReport {
  const firstExact = mismatches.length > 0 ? Math.min(...mismatches.map((m) => m.seq)) : undefined;
  const firstBadSeq = firstExact !== undefined && (result.firstBadSeq === undefined || firstExact >= result.firstBadSeq) ? firstExact : result.firstBadSeq;
  const problemsByKind: Record<string, number> = Object.fromEntries(Object.entries(result.counts.byKind).filter(([, count]) => count > 0));
  for (const m of mismatches) problemsByKind[m.kind] = (problemsByKind[m.kind] ?? 0) + 1;
  return {
    ok: result.ok && mismatches.length === 0,
    firstBadSeq: firstBadSeq ?? null,
    entries: result.counts.entries,
    checkpoints: result.counts.checkpoints,
    checkpointsVerified: result.counts.checkpointsVerified,
    entriesCovered: result.counts.entriesCovered,
    treeSize: result.treeSize,
    rootHash: result.rootHash,
    problems: [...mismatches, ...result.problems.map(({ kind, message, seq, position, fromSeq, toSeq, treeSize, keyId }) => ({ kind, message, seq, position, fromSeq, toSeq, treeSize, keyId }))],
    problemsByKind,
    activity,
    seconds,
    entriesPerSec: Math.round(result.counts.entries / Math.max(seconds, 1e-3)),
    cpuSeconds: (process.cpuUsage().user + process.cpuUsage().system) / 1e6,
  };
}

function summary(r: VerifyReport): string {
  const kinds = Object.entries(r.activity.byKind).map(([k, v]) => `${k} ${v}`).join(', ') || 'none';
  const rows: Array<[string, string]> = [
    ['result', r.ok ? 'OK: nothing altered, dropped, added or reordered' : 'FAILED'],
    ['first bad seq', r.firstBadSeq === null ? '-' : String(r.firstBadSeq)],
    ['entries replayed', r.entries.toLocaleString('en-US')],
    ['checkpoints (verified)', `${r.checkpoints} (${r.checkpointsVerified})`],
    ['entries covered by a verified checkpoint', r.entriesCovered.toLocaleString('en-US')],
    ['tree size / root', `${r.treeSize} / ${r.rootHash}`],
    ['problems', Object.entries(r.problemsByKind).map(([k, v]) => `${k} ${v}`).join(', ') || 'none'],
    ['activity records rebuilt', `${r.activity.enterprises} enterprises, ${r.activity.items} items`],
    ['items by kind', kinds],
    ['replay time', `${r.seconds.toFixed(2)} s (${r.entriesPerSec.toLocaleString('en-US')} entries/s)`],
  ];
  const details = r.problems.slice(0, 20).map((p) => `  ${p.kind}${'seq' in p && p.seq !== undefined ? ` seq ${p.seq}` : ''}: ${p.message}\n`).join('');
  return `${table(rows)}${details ? `problems (first ${Math.min(20, r.problems.length)}):\n${details}` : ''}`;
}

function say(out: Output, options: VerifyOptions, text: string): void {
  if (!options.json) out.write(text);
}

function tileFetcher(base: string, headers: Record<string, string>) {
  return async (path: string): Promise<Buffer | undefined> => {
    const res = await fetch(`${base}/tlog/${path}`, { headers });
    if (res.status === 404) return undefined;
    if (!res.ok) throw new Error(`${base}/tlog/${path} answered ${res.status}`);
    return Buffer.from(await res.arrayBuffer());
  };
}
