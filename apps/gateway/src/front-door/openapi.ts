import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { ProblemDto } from '@cfc/api';

/** The OpenAPI document, generated from the controllers' decorators. */
export function buildOpenApi(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('CFC gateway')
    .setDescription('Cash-flow credit platform: enterprises (data accounts), lenders (role USER) and regulators. Every error is an RFC 9457 application/problem+json with a stable `code`; every response carries x-request-id.')
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT (EdDSA)' })
    .addBasicAuth()
    .build();
  return withPlatformExamples(SwaggerModule.createDocument(app, config, { extraModels: [ProblemDto] }));
}

// The platform's own endpoints carry no swagger decorators; describe them here so /docs covers everything.
function withPlatformExamples(doc: OpenAPIObject): OpenAPIObject {
  const platform: Record<string, { summary: string; type: string; example: unknown }> = {
    '/healthz': { summary: 'Liveness: the process is up', type: 'application/json', example: { status: 'alive' } },
    '/readyz': {
      summary: 'Readiness: database and Kafka reachable (503 problem when not)',
      type: 'application/json',
      example: { status: 'ready', checks: { database: 'up', kafka: 'up' } },
    },
    '/metrics': {
      summary: 'Prometheus metrics (text exposition format); needs the METRICS_TOKEN bearer token, 404 when none is configured',
      type: 'text/plain',
      example: '# TYPE http_requests_total counter\nhttp_requests_total{method="GET",route="/healthz",status="200"} 3\n',
    },
  };
  for (const [path, { summary, type, example }] of Object.entries(platform)) {
    const get = doc.paths[path]?.get;
    if (!get) continue;
    get.summary = summary;
    get.security = path === '/metrics' ? [{ bearer: [] }] : [];
    get.responses = { ...get.responses, 200: { description: 'OK', content: { [type]: { example } } } };
  }
  return doc;
}

/** Serves the document at /docs (UI) and /docs/openapi.json. */
export function serveOpenApi(app: INestApplication): void {
  SwaggerModule.setup('docs', app, () => buildOpenApi(app), { jsonDocumentUrl: 'docs/openapi.json', yamlDocumentUrl: 'docs/openapi.yaml' });
}
