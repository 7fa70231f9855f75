import type { CommittedOffset, OffsetCommitEntry } from './offset.store';

/** The in-memory view of committed offsets (group -> topic -> partition) and group protocol types; the file engine replays into it. */
export class OffsetTable {
  private readonly byGroup = new Map<string, Map<string, Map<number, CommittedOffset>>>();
  private readonly protocolTypes = new Map<string, string>();

  setProtocolType(groupId: string, protocolType: string): void {
    this.protocolTypes.set(groupId, protocolType);
  }

  protocolType(groupId: string): string | undefined {
    return this.protocolTypes.get(groupId);
  }

  put(groupId: string, entry: OffsetCommitEntry): void {
    let topics = this.byGroup.get(groupId);
    if (!topics) this.byGroup.set(groupId, (topics = new Map()));
    let partitions = topics.get(entry.topic);
    if (!partitions) topics.set(entry.topic, (partitions = new Map()));
    partitions.set(entry.partition, { offset: entry.offset, metadata: entry.metadata });
  }

  get(groupId: string, topic: string, partition: number): CommittedOffset | undefined {
    return this.byGroup.get(groupId)?.get(topic)?.get(partition);
  }

  all(groupId: string): Map<string, Map<number, CommittedOffset>> {
    return this.byGroup.get(groupId) ?? new Map();
  }

  groups(): string[] {
    return [...new Set([...this.byGroup.keys(), ...this.protocolTypes.keys()])];
  }

  delete(groupId: string): void {
    this.byGroup.delete(groupId);
    this.protocolTypes.delete(groupId);
  }

  size(): number {
    let n = this.protocolTypes.size;
    for (const topics of this.byGroup.values()) for (const parts of topics.values()) n += parts.size;
    return n;
  }
}
