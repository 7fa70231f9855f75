/** A committed position as the client gave it; -1 and -2 are stored as given; numbers are exact below 2^53, as everywhere in the codec. */
export interface CommittedOffset {
  offset: number;
  metadata: string | null;
}

/** One partition's commit. */
export interface OffsetCommitEntry extends CommittedOffset {
  topic: string;
  partition: number;
}

/** Port for committed group offsets: a commit is durable (in the file) when commit() returns. */
export interface OffsetStore {
  commit(groupId: string, entries: OffsetCommitEntry[]): void;
  get(groupId: string, topic: string, partition: number): CommittedOffset | undefined;
  /** Every committed partition of the group, by topic. */
  all(groupId: string): Map<string, Map<number, CommittedOffset>>;
  /** Groups that have committed offsets or a remembered protocol type. */
  groups(): string[];
  /** Kafka keeps a group's protocol type with its offsets, so ListGroups still says "consumer" after a restart. */
  setProtocolType(groupId: string, protocolType: string): void;
  protocolType(groupId: string): string | undefined;
  deleteGroup(groupId: string): void;
  close(): void;
}
