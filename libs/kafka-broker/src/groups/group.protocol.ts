import type { GroupMember } from './group.member';
import type { GroupProtocol } from './group.types';

/** Protocol names every given member offers; a joiner must share at least one with the group. */
export function commonProtocols(members: Iterable<{ protocols: GroupProtocol[] }>): Set<string> | null {
  let common: Set<string> | null = null;
  for (const member of members) {
    const names = new Set(member.protocols.map((p) => p.name));
    if (common === null) common = names;
    else for (const name of [...common]) if (!names.has(name)) common.delete(name);
  }
  return common;
}

/** Kafka's vote: each member votes for its most preferred common protocol; most votes wins, ties by first seen. */
export function selectProtocol(members: GroupMember[]): string {
  const candidates = commonProtocols(members) ?? new Set<string>();
  const votes = new Map<string, number>();
  for (const member of members) {
    const choice = member.protocols.find((p) => candidates.has(p.name));
    if (choice) votes.set(choice.name, (votes.get(choice.name) ?? 0) + 1);
  }
  let best = '';
  let bestVotes = 0;
  for (const [name, count] of votes) {
    if (count > bestVotes) [best, bestVotes] = [name, count];
  }
  return best;
}
