import { randomUUID } from 'node:crypto';
import { type Clock, systemClock } from './clock';
import { ConsumerGroup } from './consumer.group';
import { GroupError } from './group.errors';
import { describeGroup } from './group.replies';
import {
  defaultGroupCoordinatorOptions,
  type GroupCoordinatorOptions,
  type GroupDescription,
  type JoinGroupInput,
  type JoinGroupResult,
  type SyncGroupInput,
  type SyncGroupResult,
} from './group.types';
import type { CommittedOffset, OffsetCommitEntry, OffsetStore } from './offset.store';

/** One partition of an OffsetFetch answer. */
export interface FetchedPartition extends CommittedOffset {
  partition: number;
}

/** What OffsetFetch asks for: named topics and partitions, or null for everything the group committed. */
export type OffsetFetchQuery = { topic: string; partitions: number[] }[] | null;

/**
 * The broker's single group coordinator: owns every classic group, validates commits against group
 * membership and keeps committed offsets in the durable store. Groups with committed offsets exist (Empty)
 * from the start, as in Kafka after loading __consumer_offsets.
 */
export class GroupCoordinator {
  private readonly groups = new Map<string, ConsumerGroup>();
  private readonly options: GroupCoordinatorOptions;

  constructor(
    private readonly offsets: OffsetStore,
    private readonly clock: Clock = systemClock,
    options: Partial<GroupCoordinatorOptions> = {},
    private readonly newMemberId: (clientId: string) => string = (clientId) => `${clientId}-${randomUUID()}`,
  ) {
    this.options = { ...defaultGroupCoordinatorOptions, ...options };
    for (const groupId of offsets.groups()) this.group(groupId).protocolType = offsets.protocolType(groupId) ?? '';
  }

  joinGroup(input: JoinGroupInput): Promise<JoinGroupResult> {
    const { minSessionTimeoutMs, maxSessionTimeoutMs } = this.options;
    if (input.sessionTimeoutMs < minSessionTimeoutMs || input.sessionTimeoutMs > maxSessionTimeoutMs) {
      const result = { generationId: -1, protocolName: '', leader: '', memberId: input.memberId, members: [] };
      return Promise.resolve({ ...result, errorCode: GroupError.INVALID_SESSION_TIMEOUT });
    }
    const group = this.group(input.groupId);
    return group.join(input).then((result) => {
      if (group.protocolType !== '' && this.offsets.protocolType(group.groupId) !== group.protocolType) {
        this.offsets.setProtocolType(group.groupId, group.protocolType);
      }
      return result;
    });
  }

  syncGroup(input: SyncGroupInput): Promise<SyncGroupResult> {
    const group = this.groups.get(input.groupId);
    if (!group) return Promise.resolve({ errorCode: GroupError.UNKNOWN_MEMBER_ID, assignment: Buffer.alloc(0) });
    return group.sync(input);
  }

  heartbeat(groupId: string, memberId: string, generationId: number): number {
    return this.groups.get(groupId)?.heartbeat(memberId, generationId) ?? GroupError.UNKNOWN_MEMBER_ID;
  }

  leaveGroup(groupId: string, memberId: string): number {
    return this.groups.get(groupId)?.leave(memberId) ?? GroupError.UNKNOWN_MEMBER_ID;
  }

  /** Returns the error for the whole request; on NONE every entry is durable. */
  commitOffsets(groupId: string, memberId: string, generationId: number, entries: OffsetCommitEntry[]): number {
    const existing = this.groups.get(groupId);
    if (!existing && generationId >= 0) return GroupError.ILLEGAL_GENERATION;
    const error = this.group(groupId).validateCommit(memberId, generationId);
    if (error === GroupError.NONE) this.offsets.commit(groupId, entries);
    return error;
  }

  /** Offset -1 with null metadata where nothing is committed, as Kafka answers. */
  fetchOffsets(groupId: string, query: OffsetFetchQuery): { topic: string; partitions: FetchedPartition[] }[] {
    if (query === null) {
      return [...this.offsets.all(groupId)].map(([topic, parts]) => ({
        topic,
        partitions: [...parts].map(([partition, c]) => ({ partition, ...c })),
      }));
    }
    return query.map(({ topic, partitions }) => ({
      topic,
      partitions: partitions.map((partition) => ({
        partition,
        ...(this.offsets.get(groupId, topic, partition) ?? { offset: -1, metadata: null }),
      })),
    }));
  }

  /** An unknown group is described as Dead with no error, as Kafka does. */
  describeGroup(groupId: string): GroupDescription {
    const group = this.groups.get(groupId);
    if (group) return describeGroup(group);
    const dead = { protocolType: '', protocolName: '', members: [] };
    return { ...dead, errorCode: GroupError.NONE, groupId, state: 'Dead' };
  }

  listGroups(): { groupId: string; protocolType: string }[] {
    return [...this.groups.values()].map((g) => ({ groupId: g.groupId, protocolType: g.protocolType }));
  }

  /** Only groups without members may go; their committed offsets go with them. */
  deleteGroup(groupId: string): number {
    const group = this.groups.get(groupId);
    if (!group) return GroupError.GROUP_ID_NOT_FOUND;
    if (group.state !== 'Empty') return GroupError.NON_EMPTY_GROUP;
    group.shutdown();
    this.groups.delete(groupId);
    this.offsets.deleteGroup(groupId);
    return GroupError.NONE;
  }

  /** Stops every timer, answers held requests, closes the offset file. */
  close(): void {
    for (const group of this.groups.values()) group.shutdown();
    this.groups.clear();
    this.offsets.close();
  }

  private group(groupId: string): ConsumerGroup {
    let group = this.groups.get(groupId);
    if (!group) this.groups.set(groupId, (group = new ConsumerGroup(groupId, this.clock, this.newMemberId)));
    return group;
  }
}
