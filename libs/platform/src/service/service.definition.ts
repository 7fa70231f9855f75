import type { DynamicModule, INestApplication, InjectionToken, Type } from '@nestjs/common';
import type { EntitySchema, MigrationInterface } from 'typeorm';
import type { ConfigSchema, ConfigValues } from '../config';
import type { PlatformSchema } from '../config/platform.variables';

/** What a service tells the platform about itself; main.ts passes one to runService. */
export interface ServiceDefinition<T extends PlatformSchema & ConfigSchema = PlatformSchema> {
  name: string;
  /** The service's config schema (platformVariables plus its own). */
  schema: T;
  /** The service's feature module(s): controllers, consumers, use cases. */
  imports: Array<Type | DynamicModule>;
  migrations?: Array<new () => MigrationInterface>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities?: Array<Function | EntitySchema>;
  /**
   * True for the public edge (the gateway): its routes authenticate bearer tokens themselves. Every other
   * service's routes (but /healthz, /readyz, /metrics) need a service token (libs/platform internal-auth).
   */
  publicEdge?: boolean;
  /**
   * DI tokens of CustomTransportStrategy providers (e.g. @cfc/eventing's ConsumerTransport: Kafka consumers
   * whose handlers are @EventPattern methods): connected to the app, started when it boots, stopped by close().
   */
  transports?: readonly InjectionToken[];
  /** Largest request body in bytes (JSON or form; 413 beyond). Default 100 KiB. JSON nesting is bounded too (MAX_JSON_DEPTH). */
  maxBodyBytes?: number;
  /** App-level setup before init (middleware ahead of body parsing, body limits, OpenAPI); the gateway uses it. */
  configure?(app: INestApplication, config: ConfigValues<T>): void;
}

export type PlatformConfig = ConfigValues<PlatformSchema>;
