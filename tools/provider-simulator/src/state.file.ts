import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Decision } from './domain/desk/desk.decision';
import { emptyDesk, type DeskState } from './domain/desk/desk.state';

/** A message decided but not yet acknowledged by the broker: its exact bytes, so a resend signs the same. */
export interface OutboxEntry {
  seq: number;
  provider: string;
  key: string;
  value: string;
}

interface StateDocument {
  version: 1;
  desk: DeskState;
  outbox: OutboxEntry[];
  nextSeq: number;
}

/**
 * The providers' memory on disk. A decision's new state and the messages it sends are written in one
 * atomic file replace, before anything is sent: after a crash the messages are sent again (same bytes,
 * same submission ids), and a redelivered request finds its answer already given. So every answer is
 * given at least once and decided exactly once, as the services' outbox does it.
 */
export class StateFile {
  private constructor(
    private readonly path: string,
    private document: StateDocument,
  ) {}

  /** Opens the file, or starts empty when there is none yet. One simulator per file. */
  static open(path: string): StateFile {
    if (!existsSync(path)) return new StateFile(path, { version: 1, desk: emptyDesk(), outbox: [], nextSeq: 1 });
    const document = JSON.parse(readFileSync(path, 'utf8')) as StateDocument;
    if (document.version !== 1) throw new Error(`${path}: unknown state file version ${String(document.version)}`);
    return new StateFile(path, document);
  }

  get desk(): DeskState {
    return this.document.desk;
  }

  /** Keeps the decision's state and queues its messages, durably, in one write. */
  commit(decision: Decision): void {
    if (decision.state === this.document.desk && decision.send.length === 0) return;
    let seq = this.document.nextSeq;
    const queued = decision.send.map((o): OutboxEntry => ({ seq: seq++, provider: o.provider, key: o.key, value: JSON.stringify(o.message) }));
    this.document = { ...this.document, desk: decision.state, outbox: [...this.document.outbox, ...queued], nextSeq: seq };
    this.save();
  }

  /** This provider's unsent messages, oldest first. */
  pending(provider: string): OutboxEntry[] {
    return this.document.outbox.filter((e) => e.provider === provider);
  }

  /** Forgets messages the broker acknowledged. */
  markSent(seqs: ReadonlySet<number>): void {
    if (seqs.size === 0) return;
    this.document = { ...this.document, outbox: this.document.outbox.filter((e) => !seqs.has(e.seq)) };
    this.save();
  }

  private save(): void {
    mkdirSync(dirname(this.path), { recursive: true });
    const temporary = `${this.path}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(this.document), { mode: 0o600 });
    renameSync(temporary, this.path);
  }
}
