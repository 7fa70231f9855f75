import type { Call } from './api';
import { inclusionProblem, type InclusionProof } from './proof';
import { eventually } from './stack';

export interface ActivityItem {
  seq: number;
  at: string;
  kind: string;
  type: string;
  actor: { kind: string; id: string; name?: string };
  summary: { 'zh-CN': string; en: string };
  entry: { seq: number; type: string; subject?: string; data: Record<string, unknown> };
}

/** The enterprise's activity record once it holds every one of `types` (it is rebuilt from cfc.audit.v1, so it trails a moment). */
export function activityHolding(call: Call, token: string, types: string[], timeoutMs = 90_000): Promise<ActivityItem[]> {
  return eventually(`the activity record to hold ${types.join(', ')}`, async () => {
    const res = await call('GET', '/v1/subject/activity', { token });
    if (res.status !== 200) throw new Error(`activity: ${res.status} ${JSON.stringify(res.body)}`);
    const items = res.body.items as ActivityItem[];
    const held = new Set(items.map((i) => i.type));
    return types.every((t) => held.has(t)) ? items : undefined;
  }, timeoutMs, 500);
}

/** Each item's inclusion proof, checked here against the signed checkpoint; answers the problems found, by seq. */
export async function proofProblems(call: Call, token: string, items: ActivityItem[], keys: { keyId: string; publicKeyPem: string }[]): Promise<string[]> {
  const problems: string[] = [];
  for (const item of items) {
    // 409 NOT_YET_CHECKPOINTED for an entry of the last moment: the next checkpoint comes within a second.
    const proof = await eventually(`a checkpoint covering seq ${item.seq}`, async () => {
      const res = await call('GET', `/v1/subject/activity/${item.seq}/proof`, { token });
      if (res.status === 409) return undefined;
      if (res.status !== 200) throw new Error(`proof of ${item.seq}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body as unknown as InclusionProof;
    }, 30_000, 500);
    const problem = inclusionProblem(item, proof, keys);
    if (problem) problems.push(`${item.seq} ${item.type}: ${problem}`);
  }
  return problems;
}
