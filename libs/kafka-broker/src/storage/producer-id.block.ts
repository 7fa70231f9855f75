import { existsSync, readFileSync } from 'node:fs';
import { writeFileDurably } from './durable.file';

const BLOCK = 1000;

/**
 * Hands out producer ids never used before by this data dir: the end of the current block is made
 * durable before any id from it is returned, so a restart starts after it.
 */
export class ProducerIdBlock {
  private nextId: number;
  private blockEnd: number;

  constructor(private readonly path: string) {
    const stored = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as { blockEnd: number }).blockEnd : 0;
    this.nextId = stored;
    this.blockEnd = stored;
  }

  next(): number {
    if (this.nextId >= this.blockEnd) {
      this.blockEnd = this.nextId + BLOCK;
      writeFileDurably(this.path, JSON.stringify({ blockEnd: this.blockEnd }));
    }
    return this.nextId++;
  }
}
