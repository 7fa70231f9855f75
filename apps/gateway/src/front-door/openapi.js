"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.buildOpenApi = buildOpenApi;
exports.serveOpenApi = serveOpenApi;
const swagger_1 = require("@nestjs/swagger");
const api_1 = require("@cfc/api");
/** The OpenAPI document, generated from the controllers' decorators. */
function buildOpenApi(app) {
    const config = new swagger_1.DocumentBuilder()
        .setTitle('CFC gateway')
        .setDescription('Cash-flow credit platform: enterprises (data accounts), lenders (role USER) and regulators. Every error is an RFC 9457 application/problem+json with a stable `code`; every response carries x-request-id.')
        .setVersion('1')
        .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT (EdDSA)' })
        .addBasicAuth()
        .build();
    return withPlatformExamples(swagger_1.SwaggerModule.createDocument(app, config, { extraModels: [api_1.ProblemDto] }));
}
// The platform's own endpoints carry no swagger decorators; describe them here so /docs covers everything.
function withPlatformExamples(doc) {
    const platform = {
        '/healthz': { summary: 'Liveness: the process is up', type: 'application/json', example: { status: 'alive' } },
        '/readyz': {
            summary: 'Readiness: database and Kafka reachable (503 problem when not)',
            type: 'application/json',
            example: { status: 'ready', checks: { database: 'up', kafka: 'up' } },
        },
        '/metrics': {
            summary: 'Prometheus metrics (text exposition format)',
            type: 'text/plain',
            example: '# TYPE http_requests_total counter\nhttp_requests_total{method="GET",route="/healthz",status="200"} 3\n',
        },
    };
    for (const [path, { summary, type, example }] of Object.entries(platform)) {
        const get = doc.paths[path]?.get;
        if (!get)
            continue;
        get.summary = summary;
        get.security = [];
        get.responses = { ...get.responses, 200: { description: 'OK', content: { [type]: { example } } } };
    }
    return doc;
}
/** Serves the document at /docs (UI) and /docs/openapi.json. */
function serveOpenApi(app) {
    swagger_1.SwaggerModule.setup('docs', app, () => buildOpenApi(app), { jsonDocumentUrl: 'docs/openapi.json', yamlDocumentUrl: 'docs/openapi.yaml' });
}
//# sourceMappingURL=openapi.js.map