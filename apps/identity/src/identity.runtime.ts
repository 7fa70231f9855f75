import { join } from 'node:path';
import { identityEventContracts, ContractRegistry } from '@cfc/contracts';
import { migrateEventing, PostgresEventStore, Upcasters, type SqlDatabase } from '@cfc/eventing';
import type { InternalClient, PlatformLogger } from '@cfc/platform';
import { HttpBindingOwnershipCheck, type BindingOwnershipCheck } from './declarations/binding-ownership';
import { DeclarationsService } from './declarations/declarations.service';
import { GuideService } from './guide/guide.service';
import { MessagesService } from './messages/messages.service';
import { migrateSubjectServices } from './subject-services.migration';
import { ensureDemoDataSet } from './demo/demo-data.file';
import { seedDemoData } from './demo/demo.seeder';
import type { IdentityConfig } from './identity.config';
import { migrateIdentity } from './identity.migration';
import { InstitutionService } from './institutions/institution.service';
import { checkOperatorToken } from './institutions/operator-token.guard';
import { loginEventUpcasters } from './login/login-events.upcasters';
import { LoginRateLimiter } from './login/login-rate.limiter';
import { LoginService } from './login/login.service';
import { ClientCredentialsService } from './oauth/client-credentials.service';
import { EmbeddedEnterpriseRegistry } from './registry/embedded.enterprise-registry';
import type { EnterpriseRegistry } from './registry/enterprise-registry.port';
import { loadIdentitySecrets } from './secrets/identity-secrets';
import { FileSmsSender } from './sms/file.sms-sender';
import type { SmsSender } from './sms/sms.port';
import { LogoutService } from './tokens/logout.service';
import { TokenIssuer } from './tokens/token.issuer';

/** Everything identity's controllers use, built once at start from config and the service database. */
export interface IdentityRuntime {
  login: LoginService;
  oauth: ClientCredentialsService;
  logout: LogoutService;
  tokens: TokenIssuer;
  institutions: InstitutionService;
  /** Who is registered, and the registered mobiles (notices to enterprises). */
  registry: EnterpriseRegistry;
  sms: SmsSender;
  /** Bearer token of the operator routes (provider key rotation, replies to messages); unset: those routes answer 403. */
  operatorToken?: string;
  /** Subject services: messages (留言), declarations (声明) and the service guide. */
  messages: MessagesService;
  declarations: DeclarationsService;
  guide: GuideService;
}

/** What the runtime reaches beyond its database: other services, and the time. */
export interface IdentityDependencies {
  internal?: InternalClient;
  /** Tests may answer for binding themselves. */
  bindings?: BindingOwnershipCheck;
  /** Logins and tokens: the system time, which the gateway checks tokens against. */
  now?: () => Date;
  /** The subject services' time (messages, declarations and the month a declaration may name): the platform's CLOCK. */
  subjectServicesNow?: () => Date;
}

/** DI token of the IdentityRuntime. */
export const IDENTITY_RUNTIME = Symbol('IDENTITY_RUNTIME');

/** Migrates, loads keys, seeds the demo registry when enabled, and wires the use cases. */
export async function createIdentityRuntime(db: SqlDatabase, config: IdentityConfig, logger: PlatformLogger, deps: IdentityDependencies = {}): Promise<IdentityRuntime> {
  const now = deps.now ?? (() => new Date());
  const subjectNow = deps.subjectServicesNow ?? now;
  checkOperatorToken(config.IDENTITY_OPERATOR_TOKEN);
  await migrateEventing(db);
  await migrateIdentity(db);
  await migrateSubjectServices(db);
  const guide = new GuideService(); // reads and checks the guide's files: a mismatch stops the start
  const dataDir = config.CFC_DATA_DIR;
  const secrets = loadIdentitySecrets({ dataDir, ...config });
  const store = new PostgresEventStore(db, { contracts: new ContractRegistry(identityEventContracts), upcasters: new Upcasters(loginEventUpcasters), now });
  const registry = new EmbeddedEnterpriseRegistry(db, secrets.pii);
  const institutions = new InstitutionService(store, db);
  if (config.CFC_EMBEDDED || config.IDENTITY_DEMO_SEED) {
    const path = config.DEMO_DATA_PATH ?? join(dataDir, 'demo.json');
    const { dataSet, created } = ensureDemoDataSet(path, { gateway: config.GATEWAY_PUBLIC_URL, kafka: config.KAFKA_BROKERS }, config.DEMO_KAFKA_CREDENTIALS_PATH);
    await seedDemoData(dataSet, registry, institutions, now);
    logger.info({ path, created, enterprises: dataSet.enterprises.length }, 'demo registry seeded');
  }
  const tokens = new TokenIssuer(secrets.tokenKeys, now);
  const sms = new FileSmsSender(config.SMS_OUTBOX_PATH ?? join(dataDir, 'sms-outbox.ndjson'));
  const limiter = new LoginRateLimiter(config.LOGIN_RATE_WINDOW_SECONDS * 1000);
  const login = new LoginService(store, db, registry, sms, tokens, limiter, {
    codeKey: secrets.loginCodeKey,
    tokenTtlSeconds: config.SUBJECT_TOKEN_TTL_SECONDS,
    perUscc: config.LOGIN_CHALLENGES_PER_USCC,
    perAddress: config.LOGIN_CHALLENGES_PER_ADDRESS,
    mismatchesPerAddress: config.LOGIN_MISMATCHES_PER_ADDRESS,
  }, now);
  return {
    login,
    oauth: new ClientCredentialsService(institutions, tokens, config.INSTITUTION_TOKEN_TTL_SECONDS),
    logout: new LogoutService(db, store, tokens, now),
    tokens,
    institutions,
    registry,
    sms,
    operatorToken: config.IDENTITY_OPERATOR_TOKEN,
    messages: new MessagesService(store, db, subjectNow),
    declarations: new DeclarationsService(store, db, deps.bindings ?? bindingCheck(deps.internal), subjectNow),
    guide,
  };
}

function bindingCheck(internal: InternalClient | undefined): BindingOwnershipCheck {
  if (!internal) throw new Error('identity needs an internal client (BINDING_URL) to check the bindings declarations name');
  return new HttpBindingOwnershipCheck(internal);
}
