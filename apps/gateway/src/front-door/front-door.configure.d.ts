import type { INestApplication } from '@nestjs/common';
import type { GatewayConfig } from '../gateway.config';
/** App-level front door: request ids and refusals ahead of body parsing, 1 MiB body limit, OpenAPI at /docs. */
export declare function configureFrontDoor(app: INestApplication, config: GatewayConfig): void;
