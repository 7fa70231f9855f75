import type { ConsumerGroup } from './consumer.group';
import { GroupError } from './group.errors';
import type { GroupDescription, JoinGroupResult } from './group.types';

/** The empty metadata/assignment; shared, never written to. */
export const empty = Buffer.alloc(0);

/** A JoinGroup answer that carries only an error (and, for MEMBER_ID_REQUIRED, the id to rejoin with). */
export function joinError(errorCode: number, memberId: string): JoinGroupResult {
  return { errorCode, generationId: -1, protocolName: '', leader: '', memberId, members: [] };
}

/** Kafka shows member metadata, assignments and the protocol only while the group is Stable. */
export function describeGroup(group: ConsumerGroup): GroupDescription {
  const stable = group.state === 'Stable';
  return {
    errorCode: GroupError.NONE,
    groupId: group.groupId,
    state: group.state,
    protocolType: group.protocolType,
    protocolName: stable ? group.protocolName : '',
    members: [...group.members.values()].map((m) => ({
      memberId: m.memberId,
      clientId: m.clientId,
      clientHost: m.clientHost,
      metadata: stable ? m.metadataFor(group.protocolName) : empty,
      assignment: stable ? m.assignment : empty,
    })),
  };
}

/** The `never` check that ends every switch over a union. */
export function unreachable(value: never): never {
  throw new Error(`unhandled case ${String(value)}`);
}
