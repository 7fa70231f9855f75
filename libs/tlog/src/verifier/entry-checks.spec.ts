import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { auditLogFixture } from '../testing/audit-log-fixture';
import { checkEntries } from './entry-checks';
import { replayAuditLog } from './replay-verifier';

// Worker threads run compiled JavaScript: this suite uses the worker `npm run build` puts in dist/.
const workerScript = join(__dirname, '../../dist/verifier/entry-check.worker.js');

describe('entry checks on a worker pool', () => {
  beforeAll(() => {
    if (!existsSync(workerScript)) throw new Error(`${workerScript} is missing: run npm run build first`);
  });

  const log = auditLogFixture(3000, 250);
  const damaged = [...log.entries];
  damaged[10] = Buffer.from('not json');
  damaged[1200] = Buffer.from(`${damaged[1200].toString()}\n`);
  [damaged[2500], damaged[2501]] = [damaged[2501], damaged[2500]];

  it('finds exactly what the single-threaded replay finds, in the same order', async () => {
    const input = { entries: damaged, checkpoints: log.checkpoints, trustedKeys: log.trustedKeys };
    const inline = await replayAuditLog(input);
    for (const workers of [1, 2, 3]) {
      const pooled = await replayAuditLog({ ...input, workers, batchSize: 100, workerScript });
      expect(pooled).toEqual(inline);
    }
    expect(inline.problems.map((p) => p.kind)).toEqual(expect.arrayContaining(['ENTRY_NOT_JSON', 'ENTRY_NOT_CANONICAL', 'SEQ_OUT_OF_ORDER', 'ROOT_MISMATCH']));
  });

  it('yields batches in topic order with the leaf and seq of each entry', async () => {
    const seqs: (number | undefined)[] = [];
    for await (const batch of checkEntries(log.entries, { workers: 2, batchSize: 64, workerScript })) seqs.push(...batch.map((e) => e.seq));
    expect(seqs).toEqual(log.entries.map((_, i) => i));
  });

  it('fails loudly when the worker cannot start', async () => {
    const run = replayAuditLog({ entries: log.entries, checkpoints: [], trustedKeys: log.trustedKeys, workers: 1, workerScript: '/nonexistent/worker.js' });
    await expect(run).rejects.toThrow(/Cannot find module|exited/);
  });
});
