"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.IdentityOutboxRelay = void 0;
const common_1 = require("@nestjs/common");
const contracts_1 = require("@cfc/contracts");
const eventing_1 = require("@cfc/eventing");
const platform_1 = require("@cfc/platform");
const identity_runtime_1 = require("./identity.runtime");
/**
 * Publishes identity's committed events (logins, failed logins, data accounts, institutions) to
 * cfc.identity.events.v1, from a relay thread of its own so publishing never delays a login.
 */
let IdentityOutboxRelay = class IdentityOutboxRelay {
    messaging;
    config;
    metricsSources;
    relay;
    // Relay lag and published count (cfc_outbox_relay_*), rendered by the platform's GET /metrics.
    metrics = new eventing_1.MetricsRegistry();
    logger = new common_1.Logger('IdentityOutboxRelay');
    constructor(messaging, config, metricsSources, _runtime) {
        this.messaging = messaging;
        this.config = config;
        this.metricsSources = metricsSources;
    }
    async onApplicationBootstrap() {
        const topic = (0, contracts_1.contextEventsTopic)('identity');
        const admin = this.messaging.admin();
        await admin.connect();
        await admin.ensureTopics([{ topic, partitions: 3 }]);
        await admin.disconnect();
        const log = { debug: (o, m) => this.logger.debug(o, m), info: (o, m) => this.logger.log(o, m), warn: (o, m) => this.logger.warn(o, m), error: (o, m) => this.logger.error(o, m) };
        this.metricsSources.register('identity-outbox-relay', () => this.metrics.render());
        this.relay = await eventing_1.RelayThread.start({
            databaseUrl: this.config.DATABASE_URL,
            brokers: this.config.KAFKA_BROKERS,
            topic,
            clientId: 'cfc-identity-relay',
            idleMs: 50,
            metrics: this.metrics,
            logger: log,
        });
    }
    async onModuleDestroy() {
        await this.relay?.stop();
    }
};
exports.IdentityOutboxRelay = IdentityOutboxRelay;
exports.IdentityOutboxRelay = IdentityOutboxRelay = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, common_1.Inject)(platform_1.MESSAGING_CLIENT)),
    __param(1, (0, common_1.Inject)(platform_1.SERVICE_CONFIG)),
    __param(3, (0, common_1.Inject)(identity_runtime_1.IDENTITY_RUNTIME)),
    __metadata("design:paramtypes", [Object, Object, platform_1.MetricsSources, Object])
], IdentityOutboxRelay);
//# sourceMappingURL=identity-outbox.relay.js.map