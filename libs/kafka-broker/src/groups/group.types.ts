/** The classic group lifecycle, as Kafka names the states (DescribeGroups shows these strings). */
export type GroupState = 'Empty' | 'PreparingRebalance' | 'CompletingRebalance' | 'Stable' | 'Dead';

/** One protocol a member offers (an assignor name for consumers) with its opaque metadata. */
export interface GroupProtocol {
  name: string;
  metadata: Buffer;
}

/** A JoinGroup request plus what the connection knows (client id and host), version differences resolved. */
export interface JoinGroupInput {
  groupId: string;
  /** Empty on a member's first join. */
  memberId: string;
  groupInstanceId: string | null;
  clientId: string;
  clientHost: string;
  sessionTimeoutMs: number;
  rebalanceTimeoutMs: number;
  protocolType: string;
  protocols: GroupProtocol[];
  /** JoinGroup v4+: a first join gets MEMBER_ID_REQUIRED and its id, then joins again with it. */
  requireKnownMemberId: boolean;
}

/** One member as the leader sees it: the metadata it offered for the chosen protocol. */
export interface JoinGroupMember {
  memberId: string;
  groupInstanceId: string | null;
  metadata: Buffer;
}

/** The JoinGroup answer; members is filled for the leader only. */
export interface JoinGroupResult {
  errorCode: number;
  generationId: number;
  protocolName: string;
  leader: string;
  memberId: string;
  /** Filled for the leader only: it computes the assignment for everyone. */
  members: JoinGroupMember[];
}

/** A SyncGroup request; only the leader's assignments count. */
export interface SyncGroupInput {
  groupId: string;
  generationId: number;
  memberId: string;
  assignments: { memberId: string; assignment: Buffer }[];
}

/** The SyncGroup answer: this member's assignment bytes as the leader wrote them. */
export interface SyncGroupResult {
  errorCode: number;
  assignment: Buffer;
}

/** A member as DescribeGroups shows it. */
export interface MemberDescription {
  memberId: string;
  clientId: string;
  clientHost: string;
  metadata: Buffer;
  assignment: Buffer;
}

/** A group as DescribeGroups shows it (an unknown group is Dead). */
export interface GroupDescription {
  errorCode: number;
  groupId: string;
  state: GroupState;
  protocolType: string;
  protocolName: string;
  members: MemberDescription[];
}

/** Bounds and delays of the coordinator; Kafka's defaults except the minimum session timeout. */
export interface GroupCoordinatorOptions {
  minSessionTimeoutMs: number;
  maxSessionTimeoutMs: number;
}

export const defaultGroupCoordinatorOptions: GroupCoordinatorOptions = {
  minSessionTimeoutMs: 100,
  maxSessionTimeoutMs: 30 * 60 * 1000,
};
