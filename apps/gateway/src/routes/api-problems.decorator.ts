import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ProblemDto } from '@cfc/api';

const problem = (status: number, code: string, detail: string) => ({
  status,
  description: `${code}: ${detail}`,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDto' }, example: { type: `https://cfc.example/problems/${code.toLowerCase().replace(/_/g, '-')}`, title: 'Request Failed', status, code, detail } } },
});

/** Documents problem responses (RFC 9457) with examples; pass [status, code, detail] triples. */
export function ApiProblems(...problems: [number, string, string][]) {
  return applyDecorators(ApiResponse({ status: 'default', type: ProblemDto, description: 'any error, as application/problem+json' }), ...problems.map(([s, c, d]) => ApiResponse(problem(s, c, d))));
}
