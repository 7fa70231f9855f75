import { usccCheckCharacter } from '@cfc/contracts';
import { residentIdCheckCharacter } from '../identifiers/resident-id';
import { DEMO_ENTERPRISES, GIVEN_NAMES, MOBILE_PREFIXES, SURNAMES } from './demo-names';
import { DEMO_INSTITUTIONS, type DemoAccount, type DemoClient, type DemoDataSet, type DemoEnterprise, type DemoProvider } from './demo-data';
import { orgCodeCheckCharacter } from './org-code';
import { seededRandom, type SeededRandom } from './seeded-random';

export const DEMO_SEED = 20261124;

/** Secrets made at first start (never committed): one key pair per provider, one secret per client. */
export interface DemoSecrets {
  providerKeys: Record<string, Omit<DemoProvider, 'institutionId'>>;
  clientSecrets: Record<string, string>;
}

/** The deterministic enterprises of the demo registry: same seed, same data, on every machine. */
export function generateDemoEnterprises(seed = DEMO_SEED): DemoEnterprise[] {
  const random = seededRandom(seed);
  return DEMO_ENTERPRISES.map((template, index) => {
    const body = random.digits(8);
    const first17 = `91${template.region}${body}${orgCodeCheckCharacter(body)}`;
    const birth = `${random.int(1962, 1992)}${pad(random.int(1, 12))}${pad(random.int(1, 28))}`;
    const id17 = `${template.region}${birth}${random.digits(3)}`;
    return {
      uscc: first17 + usccCheckCharacter(first17),
      name: template.name,
      legalRepName: random.pick(SURNAMES) + random.pick(GIVEN_NAMES),
      legalRepIdNumber: id17 + residentIdCheckCharacter(id17),
      mobile: random.pick(MOBILE_PREFIXES) + random.digits(8),
      accounts: demoAccounts(random, index),
    };
  });
}

/** The whole `.data/demo.json` document, given where the stack listens and the first-start secrets. */
export function buildDemoDataSet(input: { gateway: string; kafka: string[]; secrets: DemoSecrets; seed?: number }): DemoDataSet {
  const client = (institutionId: string): DemoClient => ({
    institutionId,
    clientId: demoClientId(institutionId),
    clientSecret: required(input.secrets.clientSecrets[institutionId], `client secret of ${institutionId}`),
  });
  return {
    gateway: input.gateway,
    kafka: input.kafka,
    enterprises: generateDemoEnterprises(input.seed),
    providers: DEMO_INSTITUTIONS.providers.map(({ institutionId }) => ({
      institutionId,
      ...required(input.secrets.providerKeys[institutionId], `key pair of ${institutionId}`),
    })),
    lenders: DEMO_INSTITUTIONS.lenders.map(({ institutionId }) => client(institutionId)),
    regulators: DEMO_INSTITUTIONS.regulators.map(({ institutionId }) => client(institutionId)),
  };
}

/** OAuth2 client id of a demo institution. */
export function demoClientId(institutionId: string): string {
  return `${institutionId.toLowerCase()}-demo`;
}

// Every enterprise has a basic account at the bank and a payment account; every other one a general account too.
function demoAccounts(random: SeededRandom, index: number): DemoAccount[] {
  const accounts: DemoAccount[] = [{ provider: 'B0001', number: `6222${random.digits(15)}`, type: 'BASIC' }];
  if (index % 2 === 0) accounts.push({ provider: 'B0001', number: `6222${random.digits(15)}`, type: 'GENERAL' });
  accounts.push({ provider: 'P0001', number: `8801${random.digits(12)}`, type: 'PAYMENT' });
  return accounts;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`demo data set: missing ${what}`);
  return value;
}
