import { type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { MetricsSources, type MessagingClient } from '@cfc/platform';
import type { IdentityConfig } from './identity.config';
/**
 * Publishes identity's committed events (logins, failed logins, data accounts, institutions) to
 * cfc.identity.events.v1, from a relay thread of its own so publishing never delays a login.
 */
export declare class IdentityOutboxRelay implements OnApplicationBootstrap, OnModuleDestroy {
    private readonly messaging;
    private readonly config;
    private readonly metricsSources;
    private relay?;
    private readonly metrics;
    private readonly logger;
    constructor(messaging: MessagingClient, config: IdentityConfig, metricsSources: MetricsSources, _runtime: unknown);
    onApplicationBootstrap(): Promise<void>;
    onModuleDestroy(): Promise<void>;
}
