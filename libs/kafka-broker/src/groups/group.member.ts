import type { Timer } from './clock';
import type { GroupProtocol, JoinGroupInput, JoinGroupResult, SyncGroupResult } from './group.types';

/** A joined member: its offer, its assignment and the replies it is waiting for. */
export class GroupMember {
  assignment: Buffer = Buffer.alloc(0);
  awaitingJoin: ((result: JoinGroupResult) => void) | null = null;
  awaitingSync: ((result: SyncGroupResult) => void) | null = null;
  sessionTimer: Timer | null = null;

  readonly groupInstanceId: string | null;
  readonly clientId: string;
  readonly clientHost: string;
  sessionTimeoutMs: number;
  rebalanceTimeoutMs: number;
  protocols: GroupProtocol[];

  constructor(
    readonly memberId: string,
    join: JoinGroupInput,
  ) {
    this.groupInstanceId = join.groupInstanceId;
    this.clientId = join.clientId;
    this.clientHost = join.clientHost;
    this.sessionTimeoutMs = join.sessionTimeoutMs;
    this.rebalanceTimeoutMs = join.rebalanceTimeoutMs;
    this.protocols = join.protocols;
  }

  /** The metadata this member offered for the given protocol, passed to the leader verbatim. */
  metadataFor(protocolName: string): Buffer {
    return this.protocols.find((p) => p.name === protocolName)?.metadata ?? Buffer.alloc(0);
  }

  /** True when a rejoin changes nothing, so the member can be answered from the current generation. */
  sameProtocols(protocols: GroupProtocol[]): boolean {
    return (
      protocols.length === this.protocols.length &&
      protocols.every((p, i) => p.name === this.protocols[i].name && p.metadata.equals(this.protocols[i].metadata))
    );
  }
}
