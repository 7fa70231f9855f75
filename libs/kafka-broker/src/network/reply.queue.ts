/** One request's place in its connection's reply order; buffers null = still being handled, [] = no reply. */
interface Slot {
  buffers: Buffer[] | null;
}

/**
 * Keeps replies in request order: handlers finish in any order, and a reply leaves only when every
 * earlier one has. Kafka clients match replies by correlation id but expect them in order.
 */
export class ReplyQueue {
  private readonly slots: Slot[] = [];
  private head = 0;

  constructor(private readonly send: (buffers: Buffer[]) => void) {}

  get pending(): number {
    return this.slots.length - this.head;
  }

  /** Reserves the next place; call the returned function with the reply ([] for none). */
  reserve(): (buffers: Buffer[]) => void {
    const slot: Slot = { buffers: null };
    this.slots.push(slot);
    return (buffers) => {
      slot.buffers = buffers;
      this.flush();
    };
  }

  private flush(): void {
    while (this.head < this.slots.length) {
      const slot = this.slots[this.head];
      if (slot.buffers === null) break;
      if (slot.buffers.length > 0) this.send(slot.buffers);
      this.head++;
    }
    if (this.head > 1024 && this.head * 2 > this.slots.length) {
      this.slots.splice(0, this.head);
      this.head = 0;
    }
  }
}
