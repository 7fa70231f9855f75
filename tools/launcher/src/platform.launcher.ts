import { join } from 'node:path';
import { startBroker, type RunningBroker } from '@cfc/kafka-broker';
import { demoFilePath, printBanner } from './banner';
import { provisionServiceDatabases, serviceDatabaseUrl } from './databases';
import { prepareEmbeddedKafkaAuth, type EmbeddedKafkaAuth } from './kafka-auth';
import type { LaunchPlan } from './launcher.config';
import { paint, say } from './launcher.log';
import { assertPortFree } from './port.check';
import { descendants } from './process.tree';
import { loadCredentials, saveCredentials } from './postgres.credentials';
import { startEmbeddedPostgres, type RunningPostgres } from './postgres.embedded';
import { bindDemoAccounts } from './demo/demo-bindings';
import { internalAuthSecret } from './internal-auth.secret';
import { makePrivate } from './private-data';
import { readinessDetail, waitReady } from './readiness.wait';
import { killGroupNow, ServiceSupervisor } from './service.supervisor';
import { SERVICE_URL_VARIABLES, SERVICES, type ServiceName } from './services.catalog';
import { provisionPlatformTopics } from './platform-topics.provision';
import { startSimulator } from './simulator.child';

/**
 * Starts PostgreSQL, the broker and the seven services in that order, then the provider simulator, and
 * stops them in reverse.
 */
export class PlatformLauncher {
  private postgres?: RunningPostgres;
  private broker?: RunningBroker;
  private kafkaAuth?: EmbeddedKafkaAuth;
  private readonly supervisors = new Map<ServiceName, ServiceSupervisor>();
  private simulator?: ServiceSupervisor;
  private gaveUp?: string;

  constructor(private readonly plan: LaunchPlan) {}

  /** Resolves when every service answers /readyz; rejects with a message for the operator otherwise. */
  async start(): Promise<{ seconds: number }> {
    const started = Date.now();
    await this.checkPorts();
    const tightened = makePrivate(this.plan.dataDir);
    if (tightened > 0) say(`made ${tightened} files and directories under ${this.plan.dataDir} private to this user (0600/0700)`);
    // PostgreSQL and the broker are independent: start them together.
    const [databaseUrls, brokers] = await Promise.all([this.startDatabase(), this.startKafka()]);
    const secret = internalAuthSecret(this.plan.dataDir, process.env);
    for (const service of SERVICES) this.startService(service, databaseUrls[service], brokers, secret);
    await this.waitAllReady();
    // After the services: the simulator acts from the demo data set identity has written by now.
    const simulator = startSimulator(this.plan, brokers, demoFilePath(this.plan, process.env));
    this.simulator = simulator.supervisor;
    const seconds = (Date.now() - started) / 1000;
    printBanner(this.plan, brokers, seconds, simulator.status, this.kafkaAuth);
    if (simulator.status.on && this.plan.demoEnterprises > 0) this.bindDemoAccounts();
    return { seconds };
  }

  // In the background after the banner: the platform is usable at once, and the demo fills in within seconds.
  private bindDemoAccounts(): void {
    const { host, ports, dataDir, demoEnterprises } = this.plan;
    bindDemoAccounts({ gateway: `http://${host}:${ports.gateway}`, dataDir, demoFile: demoFilePath(this.plan, process.env), enterprises: demoEnterprises, log: say }).catch((error: Error) =>
      say(paint(`demo: binding the demo enterprises' accounts failed: ${error.message}`, 33)),
    );
  }

  /** The simulator, then the services (they finish in-flight work), then the broker, then PostgreSQL. */
  async stop(): Promise<void> {
    if (this.simulator) {
      say('stopping the provider simulator');
      await this.simulator.stop();
    }
    if (this.supervisors.size > 0) say('stopping services');
    await Promise.all([...this.supervisors.values()].map((s) => s.stop()));
    if (this.broker) {
      say('stopping the broker');
      await this.broker.stop().catch((e: Error) => say(`broker stop failed: ${e.message}`));
    }
    if (this.postgres) {
      say('stopping PostgreSQL');
      await this.postgres.stop();
    }
  }

  /**
   * A second Ctrl-C: SIGKILL every child's process group (services, PostgreSQL with its backends) synchronously,
   * since they run detached and would otherwise outlive the launcher. The broker runs in-process and dies with it.
   */
  killNow(): void {
    this.simulator?.kill();
    for (const supervisor of this.supervisors.values()) supervisor.kill();
    // PostgreSQL's backends and workers each lead a process group of their own (setsid): kill them by id as well,
    // listed before the postmaster dies, rather than wait for them to notice its death.
    if (this.postgres) for (const pid of [this.postgres.pid, ...descendants(this.postgres.pid)]) killGroupNow(pid);
  }

  /** Process ids of everything started, for tests and the benchmark. */
  pids(): number[] {
    return [process.pid, ...(this.postgres ? [this.postgres.pid] : []), ...[...this.supervisors.values(), ...(this.simulator ? [this.simulator] : [])].flatMap((s) => (s.pid ? [s.pid] : []))];
  }

  private async checkPorts(): Promise<void> {
    const { host, ports } = this.plan;
    for (const service of SERVICES) {
      await assertPortFree(host, ports[service], `the ${service} service`, service === 'gateway' ? 'CFC_GATEWAY_PORT' : 'CFC_SERVICE_PORT_BASE');
    }
    if (!this.plan.externalDatabaseUrl) await assertPortFree(host, this.plan.pgPort, 'the embedded PostgreSQL', 'CFC_PG_PORT (or DATABASE_URL)');
    if (!this.plan.externalKafkaBrokers) await assertPortFree(host, this.plan.kafkaPort, 'the embedded Kafka broker', 'CFC_KAFKA_PORT (or KAFKA_BROKERS)');
  }

  /** The DATABASE_URL of each service: its own role and database (see databases.ts). */
  private async startDatabase(): Promise<Record<ServiceName, string>> {
    const { dataDir, databasePrefix: prefix } = this.plan;
    const credentials = loadCredentials(dataDir);
    let adminUrl = this.plan.externalDatabaseUrl;
    let serviceUrl = (database: string, user: string, password: string) => serviceDatabaseUrl(adminUrl!, database, { user, password });
    if (!adminUrl) {
      say(`starting PostgreSQL on ${this.plan.host}:${this.plan.pgPort} (data ${join(dataDir, 'pg')})`);
      const postgres = await startEmbeddedPostgres({ dataDir: join(dataDir, 'pg'), host: this.plan.host, port: this.plan.pgPort, credentials, log: (line) => say(`postgres: ${line}`) });
      this.postgres = postgres;
      saveCredentials(dataDir, credentials); // the superuser's password, before anything else can fail
      adminUrl = postgres.adminUrl;
      // The services connect through the server's Unix socket, in a directory only this user can enter.
      serviceUrl = (database, user, password) => `${serviceDatabaseUrl(`postgres://localhost:${postgres.port}`, database, { user, password })}?host=${encodeURIComponent(postgres.socketDir)}`;
      say('PostgreSQL is accepting connections');
    } else {
      say(`using PostgreSQL from DATABASE_URL (one database per service: ${prefix}_<service>)`);
    }
    const started = Date.now();
    const { urls, notes } = await provisionServiceDatabases(adminUrl, SERVICES, { prefix, credentials, serviceUrl, lockMaintenanceDatabases: !this.plan.externalDatabaseUrl });
    saveCredentials(dataDir, credentials);
    say(`the ${SERVICES.length} service databases and their roles are in place (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    for (const note of notes) say(paint(note, 33));
    return urls as Record<ServiceName, string>;
  }

  private async startKafka(): Promise<string> {
    if (this.plan.externalKafkaBrokers) {
      say(`using Kafka from KAFKA_BROKERS (${this.plan.externalKafkaBrokers})`);
      return this.plan.externalKafkaBrokers;
    }
    const dataDir = join(this.plan.dataDir, 'kafka');
    if (this.plan.kafkaAuth) this.kafkaAuth = await prepareEmbeddedKafkaAuth(this.plan.dataDir, SERVICES);
    const mode = this.kafkaAuth ? 'SASL and ACLs' : paint('NO authentication (CFC_KAFKA_AUTH=off)', 31);
    say(`starting the Kafka-compatible broker on ${this.plan.host}:${this.plan.kafkaPort} (data ${dataDir}; ${mode})`);
    this.broker = await startBroker({
      host: this.plan.host,
      port: this.plan.kafkaPort,
      dataDir,
      auth: this.kafkaAuth && { file: this.kafkaAuth.authFile },
      log: (level, msg, fields) => level !== 'info' && say(`kafka ${level}: ${msg}${fields ? ` ${JSON.stringify(fields)}` : ''}`),
    });
    const topics = await provisionPlatformTopics(this.broker.address, this.kafkaAuth?.admin);
    say(`the ${topics} platform topics are in place (PLATFORM_TOPICS; missing ones created by the launcher)`);
    return this.broker.address;
  }

  private startService(service: ServiceName, databaseUrl: string, brokers: string, internalAuthSecret: string): void {
    const { host, ports, dataDir, repoRoot, logFormat } = this.plan;
    // Every service may call the others (report asks consent, consent asks binding, ...): all get every URL.
    const upstreams = Object.fromEntries(Object.entries(SERVICE_URL_VARIABLES).map(([s, variable]) => [variable, `http://${host}:${ports[s as ServiceName]}`]));
    const supervisor = new ServiceSupervisor({
      name: service,
      script: join(repoRoot, 'apps', service, 'dist', 'main.js'),
      logFormat,
      env: {
        ...process.env,
        ...upstreams,
        PORT: String(ports[service]),
        HOST: host,
        DATABASE_URL: databaseUrl,
        KAFKA_BROKERS: brokers,
        INTERNAL_AUTH_SECRET: internalAuthSecret,
        ...this.kafkaEnv(service),
        CFC_DATA_DIR: dataDir,
        CFC_EMBEDDED: String(!this.plan.externalDatabaseUrl && !this.plan.externalKafkaBrokers),
        GATEWAY_PUBLIC_URL: `http://${host}:${ports.gateway}`,
      },
      onGiveUp: (name, why) => {
        this.gaveUp = `${name} cannot start: ${why}`;
        say(paint(this.gaveUp, 31));
      },
    });
    this.supervisors.set(service, supervisor);
    supervisor.start();
  }

  /**
   * Embedded broker: the service's own principal (none with CFC_KAFKA_AUTH=off), and for identity the
   * demo institutions' logins for demo.json. External Kafka: KAFKA_SASL_* pass through from the environment.
   */
  private kafkaEnv(service: ServiceName): Record<string, string> {
    if (this.plan.externalKafkaBrokers) return {};
    if (!this.kafkaAuth) return { KAFKA_SASL_MECHANISM: '', KAFKA_SASL_USERNAME: '', KAFKA_SASL_PASSWORD: '' };
    const demo: Record<string, string> = service === 'identity' ? { DEMO_KAFKA_CREDENTIALS_PATH: this.kafkaAuth.demoCredentialsFile } : {};
    return { ...this.kafkaAuth.envFor(service), ...demo };
  }

  private async waitAllReady(): Promise<void> {
    const deadline = Date.now() + this.plan.readyTimeoutMs;
    const url = (s: ServiceName) => `http://${this.plan.host}:${this.plan.ports[s]}`;
    const results = await Promise.all(SERVICES.map(async (s) => [s, await waitReady(url(s), deadline, () => !!this.gaveUp)] as const));
    if (this.gaveUp) throw new Error(this.gaveUp);
    const late = results.filter(([, ready]) => !ready).map(([s]) => s);
    if (late.length === 0) return;
    const details = await Promise.all(late.map(async (s) => `${s}: ${await readinessDetail(url(s))}`));
    throw new Error(`not ready after ${this.plan.readyTimeoutMs / 1000} s:\n  ${details.join('\n  ')}`);
  }
}
