import type { Timer } from './clock';
import type { GroupProtocol, JoinGroupResult, SyncGroupResult } from './group.types';

/** A joined member: its offer, its assignment and the replies it is waiting for. */
export class GroupMember {
  assignment: Buffer = Buffer.alloc(0);
  awaitingJoin: ((result: JoinGroupResult) => void) | null = null;
  awaitingSync: ((result: SyncGroupResult) => void) | null = null;
  sessionTimer: Timer | null = null;

  constructor(
    readonly memberId: string,
    readonly groupInstanceId: string | null,
    readonly clientId: string,
    readonly clientHost: string,
    public sessionTimeoutMs: number,
    public rebalanceTimeoutMs: number,
    public protocols: GroupProtocol[],
  ) {}

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
