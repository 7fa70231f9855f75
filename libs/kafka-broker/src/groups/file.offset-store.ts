import { closeSync, fsyncSync, openSync, readFileSync, renameSync, truncateSync, writeSync, existsSync } from 'node:fs';
import type { CommittedOffset, OffsetCommitEntry, OffsetStore } from './offset.store';
import { OffsetTable } from './offset.table';

/** One line of the log: a commit of one partition, or a group deletion. */
type OffsetRecord =
  | { g: string; t: string; p: number; o: number; m: string | null }
  | { g: string; deleted: true }
  | { g: string; pt: string };

export interface FileOffsetStoreOptions {
  /** 'always' fsyncs each commit before it is acknowledged. */
  fsync?: 'always' | 'never';
  /** Told when a torn tail from a crash is cut off on open. */
  onTruncate?: (keptBytes: number, droppedBytes: number) => void;
  /** Superseded lines tolerated before the file is rewritten (default 10,000). */
  compactSlack?: number;
}

/**
 * Committed offsets as an append-only file of JSON lines, replayed on open. A crash can only tear the
 * last line, which is cut off; the file is rewritten compactly once it is mostly superseded lines.
 */
export class FileOffsetStore implements OffsetStore {
  private readonly table = new OffsetTable();
  private fd: number;
  private lines = 0;

  constructor(
    private readonly path: string,
    private readonly options: FileOffsetStoreOptions = {},
  ) {
    this.replay();
    if (this.bloated()) this.compact();
    this.fd = openSync(path, 'a', 0o600);
  }

  commit(groupId: string, entries: OffsetCommitEntry[]): void {
    if (entries.length === 0) return;
    const records: OffsetRecord[] = entries.map((e) => ({
      g: groupId,
      t: e.topic,
      p: e.partition,
      o: e.offset,
      m: e.metadata,
    }));
    this.append(records);
    for (const entry of entries) this.table.put(groupId, entry);
  }

  get(groupId: string, topic: string, partition: number): CommittedOffset | undefined {
    return this.table.get(groupId, topic, partition);
  }

  all(groupId: string): Map<string, Map<number, CommittedOffset>> {
    return this.table.all(groupId);
  }

  groups(): string[] {
    return this.table.groups();
  }

  setProtocolType(groupId: string, protocolType: string): void {
    this.append([{ g: groupId, pt: protocolType }]);
    this.table.setProtocolType(groupId, protocolType);
  }

  protocolType(groupId: string): string | undefined {
    return this.table.protocolType(groupId);
  }

  deleteGroup(groupId: string): void {
    this.append([{ g: groupId, deleted: true }]);
    this.table.delete(groupId);
  }

  close(): void {
    closeSync(this.fd);
  }

  private append(records: OffsetRecord[]): void {
    writeSync(this.fd, records.map((r) => JSON.stringify(r) + '\n').join(''));
    if (this.options.fsync === 'always') fsyncSync(this.fd);
    this.lines += records.length;
    if (this.bloated()) {
      // A long-running broker commits forever; rewriting keeps the file (and the next replay) small.
      closeSync(this.fd);
      this.compact();
      this.fd = openSync(this.path, 'a', 0o600);
    }
  }

  private bloated(): boolean {
    return this.lines > 2 * this.table.size() + (this.options.compactSlack ?? 10_000);
  }

  private replay(): void {
    if (!existsSync(this.path)) return;
    const text = readFileSync(this.path, 'utf8');
    let kept = 0;
    for (let start = 0; start < text.length; ) {
      const end = text.indexOf('\n', start);
      if (end < 0 || !this.apply(text.slice(start, end))) break;
      this.lines += 1;
      start = end + 1;
      kept = start;
    }
    const total = Buffer.byteLength(text);
    const keptBytes = Buffer.byteLength(text.slice(0, kept));
    if (keptBytes < total) {
      truncateSync(this.path, keptBytes);
      this.options.onTruncate?.(keptBytes, total - keptBytes);
    }
  }

  private apply(line: string): boolean {
    let record: OffsetRecord;
    try {
      record = JSON.parse(line) as OffsetRecord;
    } catch {
      return false;
    }
    if ('deleted' in record) this.table.delete(record.g);
    else if ('pt' in record) this.table.setProtocolType(record.g, record.pt);
    else this.table.put(record.g, { topic: record.t, partition: record.p, offset: record.o, metadata: record.m });
    return true;
  }

  /** Rewrites only the live offsets to a new file and swaps it in atomically. */
  private compact(): void {
    const tmp = `${this.path}.compact`;
    const fd = openSync(tmp, 'w', 0o600);
    const out: string[] = [];
    for (const g of this.table.groups()) {
      const pt = this.table.protocolType(g);
      if (pt !== undefined) out.push(JSON.stringify({ g, pt }) + '\n');
      for (const [t, parts] of this.table.all(g)) {
        for (const [p, c] of parts) out.push(JSON.stringify({ g, t, p, o: c.offset, m: c.metadata }) + '\n');
      }
    }
    writeSync(fd, out.join(''));
    fsyncSync(fd);
    closeSync(fd);
    renameSync(tmp, this.path);
    this.lines = out.length;
  }
}
