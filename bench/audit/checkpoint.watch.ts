import type { MessageConsumer, MessagingClient } from '@cfc/platform';

/**
 * Follows cfc.audit.checkpoints.v1 (and optionally cfc.audit.v1) as a regulator would, noting when each
 * checkpoint arrived: the end of the append phase, and the lag from an entry's source commit to the
 * first checkpoint that covers it.
 */
export class CheckpointWatch {
  /** [treeSize, arrival ms] in arrival order. */
  readonly arrivals: Array<[number, number]> = [];
  /** Entry seq -> its `at` (source commit, ms), for the entries the watch follows. */
  readonly entryAt = new Map<number, number>();
  private consumers: MessageConsumer[] = [];

  constructor(private readonly client: MessagingClient) {}

  get latest(): number {
    return this.arrivals.length === 0 ? 0 : this.arrivals[this.arrivals.length - 1][0];
  }

  async follow(checkpointsTopic: string, entriesTopic?: string, entriesFrom = 0): Promise<void> {
    const checkpoints = this.client.consumer({ groupId: `bench-audit-cp-${Date.now()}`, maxWaitMs: 10 });
    await checkpoints.connect();
    await checkpoints.subscribe([checkpointsTopic], { fromBeginning: true });
    await checkpoints.run({ eachMessage: async (m) => void this.arrivals.push([JSON.parse(m.value!.toString('utf8')).treeSize as number, Date.now()]) });
    this.consumers.push(checkpoints);
    if (!entriesTopic) return;
    const entries = this.client.consumer({ groupId: `bench-audit-e-${Date.now()}`, maxWaitMs: 10, maxBytesPerPartition: 8 << 20 });
    await entries.connect();
    await entries.subscribe([entriesTopic], { fromBeginning: true });
    await entries.run({
      eachBatch: async (batch) => {
        for (const m of batch.messages) {
          if (Number(m.offset) < entriesFrom) continue;
          const text = m.value!.toString('utf8');
          const at = /"at":"([^"]+)"/.exec(text)![1];
          this.entryAt.set(Number(m.offset), Date.parse(at));
        }
        if (batch.messages.length > 0) await batch.commit(batch.messages[batch.messages.length - 1].offset);
      },
    });
    this.consumers.push(entries);
  }

  /** Lag of each followed entry from `from`: first covering checkpoint's arrival minus the entry's source commit. */
  lags(from: number): number[] {
    const lags: number[] = [];
    let cp = 0;
    const seqs = [...this.entryAt.keys()].filter((s) => s >= from).sort((a, b) => a - b);
    for (const seq of seqs) {
      while (cp < this.arrivals.length && this.arrivals[cp][0] <= seq) cp++;
      if (cp === this.arrivals.length) break;
      lags.push(this.arrivals[cp][1] - this.entryAt.get(seq)!);
    }
    return lags;
  }

  async stop(): Promise<void> {
    for (const c of this.consumers) {
      await c.stop();
      await c.disconnect();
    }
  }
}
