import type { INestApplication } from '@nestjs/common';
import { type OpenAPIObject } from '@nestjs/swagger';
/** The OpenAPI document, generated from the controllers' decorators. */
export declare function buildOpenApi(app: INestApplication): OpenAPIObject;
/** Serves the document at /docs (UI) and /docs/openapi.json. */
export declare function serveOpenApi(app: INestApplication): void;
