import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ProblemDto } from '@cfc/api';

const example = (status: number, code: string, detail: string) => ({
  summary: code,
  value: { type: `https://cfc.example/problems/${code.toLowerCase().replace(/_/g, '-')}`, title: 'Request Failed', status, code, detail },
});

// Several codes may share a status (e.g. the 403 refusals of a query): one response per status, one example per code.
const problem = (status: number, entries: Array<[number, string, string]>) => ({
  status,
  description: entries.map(([, c, d]) => `${c}: ${d}`).join('; '),
  content: {
    'application/problem+json': {
      schema: { $ref: '#/components/schemas/ProblemDto' },
      examples: Object.fromEntries(entries.map(([s, c, d]) => [c, example(s, c, d)])),
    },
  },
});

/** Documents problem responses (RFC 9457) with examples; pass [status, code, detail] triples. */
export function ApiProblems(...problems: [number, string, string][]) {
  const byStatus = new Map<number, Array<[number, string, string]>>();
  for (const p of problems) byStatus.set(p[0], [...(byStatus.get(p[0]) ?? []), p]);
  return applyDecorators(ApiResponse({ status: 'default', type: ProblemDto, description: 'any error, as application/problem+json' }), ...[...byStatus].map(([s, entries]) => ApiResponse(problem(s, entries))));
}
