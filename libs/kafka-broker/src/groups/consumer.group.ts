import type { Clock, Timer } from './clock';
import { GroupError } from './group.errors';
import { GroupMember } from './group.member';
import { commonProtocols, selectProtocol } from './group.protocol';
import { empty, joinError, unreachable } from './group.replies';
import type { GroupState, JoinGroupInput, JoinGroupResult, SyncGroupInput, SyncGroupResult } from './group.types';

type JoinReply = (result: JoinGroupResult) => void;
type SyncReply = (result: SyncGroupResult) => void;


/**
 * One classic consumer group's state machine (Empty -> PreparingRebalance -> CompletingRebalance -> Stable),
 * following Apache Kafka's group coordinator. Replies are callbacks: JoinGroup and SyncGroup are held until
 * the rebalance lets them through. Time comes from the injected clock.
 */
export class ConsumerGroup {
  state: GroupState = 'Empty';
  generationId = 0;
  protocolType = '';
  protocolName = '';
  leaderId: string | null = null;
  readonly members = new Map<string, GroupMember>();
  /** Ids handed out with MEMBER_ID_REQUIRED whose second join has not arrived yet. */
  private readonly pending = new Map<string, Timer>();
  private rebalanceTimer: Timer | null = null;

  constructor(
    readonly groupId: string,
    private readonly clock: Clock,
    private readonly newMemberId: (clientId: string) => string,
  ) {}

  join(input: JoinGroupInput): Promise<JoinGroupResult> {
    return new Promise((resolve) => this.handleJoin(input, resolve));
  }

  sync(input: SyncGroupInput): Promise<SyncGroupResult> {
    return new Promise((resolve) => this.handleSync(input, resolve));
  }

  /** Keeps a member alive; error 27 is how members learn that they must rejoin. */
  heartbeat(memberId: string, generationId: number): number {
    const member = this.members.get(memberId);
    if (this.state === 'Dead') return GroupError.COORDINATOR_NOT_AVAILABLE;
    if (!member) return GroupError.UNKNOWN_MEMBER_ID;
    if (generationId !== this.generationId) return GroupError.ILLEGAL_GENERATION;
    this.touch(member);
    return this.state === 'PreparingRebalance' ? GroupError.REBALANCE_IN_PROGRESS : GroupError.NONE;
  }

  leave(memberId: string): number {
    const pendingTimer = this.pending.get(memberId);
    if (pendingTimer) {
      pendingTimer.cancel();
      this.pending.delete(memberId);
      this.tryCompleteJoin();
      return GroupError.NONE;
    }
    const member = this.members.get(memberId);
    if (!member) return GroupError.UNKNOWN_MEMBER_ID;
    member.awaitingJoin?.(joinError(GroupError.UNKNOWN_MEMBER_ID, memberId));
    member.awaitingSync?.({ errorCode: GroupError.UNKNOWN_MEMBER_ID, assignment: empty });
    this.removeMember(member);
    return GroupError.NONE;
  }

  /** Kafka's rules for who may commit: offset-only use of an Empty group, or a member of the current generation. */
  validateCommit(memberId: string, generationId: number): number {
    if (generationId < 0 && this.state === 'Empty') return GroupError.NONE;
    if (this.state === 'CompletingRebalance') return GroupError.REBALANCE_IN_PROGRESS;
    const member = this.members.get(memberId);
    if (!member) return GroupError.UNKNOWN_MEMBER_ID;
    if (generationId !== this.generationId) return GroupError.ILLEGAL_GENERATION;
    this.touch(member);
    return GroupError.NONE;
  }

  /** Marks the group deleted and stops its timers; held replies are answered first. */
  shutdown(): void {
    for (const member of [...this.members.values()]) this.leave(member.memberId);
    for (const timer of this.pending.values()) timer.cancel();
    this.pending.clear();
    this.rebalanceTimer?.cancel();
    this.state = 'Dead';
  }

  private handleJoin(input: JoinGroupInput, reply: JoinReply): void {
    if (this.state === 'Dead') return reply(joinError(GroupError.COORDINATOR_NOT_AVAILABLE, input.memberId));
    if (!this.acceptsProtocols(input)) return reply(joinError(GroupError.INCONSISTENT_GROUP_PROTOCOL, input.memberId));
    if (input.memberId === '') {
      const memberId = this.newMemberId(input.clientId);
      if (!input.requireKnownMemberId || input.groupInstanceId !== null) return this.addMember(memberId, input, reply);
      const timer = this.clock.schedule(input.sessionTimeoutMs, () => this.leave(memberId));
      this.pending.set(memberId, timer);
      return reply(joinError(GroupError.MEMBER_ID_REQUIRED, memberId));
    }
    const pendingTimer = this.pending.get(input.memberId);
    if (pendingTimer) {
      pendingTimer.cancel();
      this.pending.delete(input.memberId);
      return this.addMember(input.memberId, input, reply);
    }
    const member = this.members.get(input.memberId);
    if (!member) return reply(joinError(GroupError.UNKNOWN_MEMBER_ID, input.memberId));
    this.rejoin(member, input, reply);
  }

  private rejoin(member: GroupMember, input: JoinGroupInput, reply: JoinReply): void {
    const state = this.state;
    switch (state) {
      case 'PreparingRebalance':
        this.update(member, input, reply);
        return this.tryCompleteJoin();
      case 'CompletingRebalance':
        if (member.sameProtocols(input.protocols)) return reply(this.joinResult(member));
        this.update(member, input, reply);
        return this.prepareRebalance();
      case 'Stable':
        if (member.memberId !== this.leaderId && member.sameProtocols(input.protocols)) {
          return reply(this.joinResult(member));
        }
        this.update(member, input, reply);
        return this.prepareRebalance();
      case 'Empty':
      case 'Dead':
        return reply(joinError(GroupError.UNKNOWN_MEMBER_ID, input.memberId));
      default:
        return unreachable(state);
    }
  }

  private acceptsProtocols(input: JoinGroupInput): boolean {
    if (input.protocolType === '' || input.protocols.length === 0) return false;
    const others = [...this.members.values()].filter((m) => m.memberId !== input.memberId);
    if (others.length === 0) return true;
    if (input.protocolType !== this.protocolType) return false;
    return (commonProtocols([...others, input])?.size ?? 0) > 0;
  }

  private addMember(memberId: string, input: JoinGroupInput, reply: JoinReply): void {
    const member = new GroupMember(memberId, input);
    if (this.members.size === 0) this.protocolType = input.protocolType;
    this.members.set(memberId, member);
    this.leaderId ??= memberId;
    member.awaitingJoin = reply;
    this.touch(member);
    if (this.state === 'PreparingRebalance') this.tryCompleteJoin();
    else this.prepareRebalance();
  }

  private update(member: GroupMember, input: JoinGroupInput, reply: JoinReply): void {
    member.awaitingJoin?.(joinError(GroupError.REBALANCE_IN_PROGRESS, member.memberId));
    member.protocols = input.protocols;
    member.sessionTimeoutMs = input.sessionTimeoutMs;
    member.rebalanceTimeoutMs = input.rebalanceTimeoutMs;
    member.awaitingJoin = reply;
    this.touch(member);
  }

  private prepareRebalance(): void {
    if (this.state === 'CompletingRebalance') {
      for (const member of this.members.values()) {
        member.assignment = empty;
        const reply = member.awaitingSync;
        member.awaitingSync = null;
        reply?.({ errorCode: GroupError.REBALANCE_IN_PROGRESS, assignment: empty });
      }
    }
    this.state = 'PreparingRebalance';
    this.rebalanceTimer?.cancel();
    const timeout = Math.max(0, ...[...this.members.values()].map((m) => m.rebalanceTimeoutMs));
    this.rebalanceTimer = this.clock.schedule(timeout, () => this.onRebalanceTimeout());
    this.tryCompleteJoin();
  }

  private tryCompleteJoin(): void {
    if (this.state !== 'PreparingRebalance' || this.pending.size > 0) return;
    for (const member of this.members.values()) if (!member.awaitingJoin) return;
    this.completeJoin();
  }

  /** Members that did not rejoin in time are dropped from the next generation. */
  private onRebalanceTimeout(): void {
    this.rebalanceTimer = null;
    if (this.state !== 'PreparingRebalance') return;
    for (const member of [...this.members.values()]) if (!member.awaitingJoin) this.drop(member);
    for (const timer of this.pending.values()) timer.cancel();
    this.pending.clear();
    this.completeJoin();
  }

  private completeJoin(): void {
    this.rebalanceTimer?.cancel();
    this.rebalanceTimer = null;
    this.generationId += 1;
    if (this.members.size === 0) {
      this.state = 'Empty';
      this.protocolName = '';
      this.leaderId = null;
      return;
    }
    const members = [...this.members.values()];
    this.protocolName = selectProtocol(members);
    if (!this.leaderId || !this.members.has(this.leaderId)) this.leaderId = members[0].memberId;
    this.state = 'CompletingRebalance';
    for (const member of members) {
      const reply = member.awaitingJoin;
      member.awaitingJoin = null;
      this.touch(member);
      reply?.(this.joinResult(member));
    }
  }

  private joinResult(member: GroupMember): JoinGroupResult {
    const isLeader = member.memberId === this.leaderId;
    return {
      errorCode: GroupError.NONE,
      generationId: this.generationId,
      protocolName: this.protocolName,
      leader: this.leaderId ?? '',
      memberId: member.memberId,
      members: isLeader
        ? [...this.members.values()].map((m) => ({
            memberId: m.memberId,
            groupInstanceId: m.groupInstanceId,
            metadata: m.metadataFor(this.protocolName),
          }))
        : [],
    };
  }

  private handleSync(input: SyncGroupInput, reply: SyncReply): void {
    const fail = (errorCode: number) => reply({ errorCode, assignment: empty });
    if (this.state === 'Dead') return fail(GroupError.COORDINATOR_NOT_AVAILABLE);
    const member = this.members.get(input.memberId);
    if (!member) return fail(GroupError.UNKNOWN_MEMBER_ID);
    if (input.generationId !== this.generationId) return fail(GroupError.ILLEGAL_GENERATION);
    const state = this.state;
    switch (state) {
      case 'Empty':
        return fail(GroupError.UNKNOWN_MEMBER_ID);
      case 'PreparingRebalance':
        return fail(GroupError.REBALANCE_IN_PROGRESS);
      case 'Stable':
        this.touch(member);
        return reply({ errorCode: GroupError.NONE, assignment: member.assignment });
      case 'CompletingRebalance':
        member.awaitingSync?.({ errorCode: GroupError.REBALANCE_IN_PROGRESS, assignment: empty });
        member.awaitingSync = reply;
        this.touch(member);
        if (member.memberId === this.leaderId) this.applyAssignments(input.assignments);
        return;
      default:
        return unreachable(state);
    }
  }

  /** The leader's assignments are stored verbatim; members it left out get an empty one. */
  private applyAssignments(assignments: SyncGroupInput['assignments']): void {
    const given = new Map(assignments.map((a) => [a.memberId, a.assignment]));
    this.state = 'Stable';
    for (const member of this.members.values()) {
      member.assignment = given.get(member.memberId) ?? empty;
      const reply = member.awaitingSync;
      member.awaitingSync = null;
      reply?.({ errorCode: GroupError.NONE, assignment: member.assignment });
    }
  }

  /** Restarts the member's session timeout. */
  private touch(member: GroupMember): void {
    member.sessionTimer?.cancel();
    member.sessionTimer = this.clock.schedule(member.sessionTimeoutMs, () => this.onSessionExpired(member));
  }

  /** A member waiting on a held reply is alive by definition; anyone else silent too long is evicted. */
  private onSessionExpired(member: GroupMember): void {
    if (this.members.get(member.memberId) !== member) return;
    if (member.awaitingJoin || member.awaitingSync) return this.touch(member);
    this.removeMember(member);
  }

  private removeMember(member: GroupMember): void {
    this.drop(member);
    const state = this.state;
    switch (state) {
      case 'Stable':
      case 'CompletingRebalance':
        return this.prepareRebalance();
      case 'PreparingRebalance':
        return this.tryCompleteJoin();
      case 'Empty':
      case 'Dead':
        return;
      default:
        return unreachable(state);
    }
  }

  private drop(member: GroupMember): void {
    member.sessionTimer?.cancel();
    this.members.delete(member.memberId);
    if (this.leaderId === member.memberId) this.leaderId = this.members.keys().next().value ?? null;
  }
}
