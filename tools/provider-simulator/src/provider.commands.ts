import { signProviderMessage, type FundAccount } from '@cfc/contracts';
import { demoProvider, DemoDataError, type ProviderDemoData } from './demo-data.file';
import { lastCompletePeriod } from './domain/periods';
import { generateAccountMonth } from './domain/statistics/account-month.generator';
import { statisticsMessages } from './domain/statistics/statistics.submission';
import { saslOptions } from './kafka-login';

// What `npm run provider -- <command>` does, as functions of the demo data set (cli.ts parses the flags).

/** The three signature headers for a message's exact bytes, as kcat -H arguments or as JSON. */
export function signCommand(demo: ProviderDemoData, providerId: string, value: Buffer, format: 'kcat' | 'json'): string {
  const provider = demoProvider(demo, providerId);
  const headers = signProviderMessage({ provider: provider.institutionId, keyId: provider.keyId, privateKeyPem: provider.privateKeyPem, value });
  if (format === 'json') return JSON.stringify(headers);
  return Object.entries(headers)
    .map(([name, text]) => `-H ${name}=${text}`)
    .join(' ');
}

/**
 * A statistics.submitted message for one account-month of a demo enterprise, from the same generator the
 * simulator streams from (a higher revision gives corrected-looking figures).
 */
export function statisticsCommand(demo: ProviderDemoData, input: { provider: string; accountNumber: string; period?: string; revision?: number; now: Date }): string {
  demoProvider(demo, input.provider);
  const held = demo.accounts.find((a) => a.provider === input.provider && a.number === input.accountNumber);
  if (!held) throw new DemoDataError(`no demo enterprise holds account ${input.accountNumber} at ${input.provider}`);
  const account: FundAccount = { number: held.number, type: held.type };
  const period = input.period ?? lastCompletePeriod(input.now);
  const record = generateAccountMonth({ account, subject: held.subject, period, revision: input.revision ?? 1 });
  if (!record) throw new DemoDataError(`${period} is a month the provider has no statistics for (this enterprise has gaps); pick another --period`);
  const name = `cli/${held.number}/${period}/${input.revision ?? 1}/${input.now.toISOString()}`;
  const [message] = statisticsMessages({ provider: input.provider, name, records: [record], sentAt: input.now.toISOString(), maxRecords: 1 });
  return JSON.stringify(message);
}

/** kcat's connection arguments for a provider: the brokers, and its SASL login when demo.json has one. */
export function kcatArgsCommand(demo: ProviderDemoData, providerId: string, brokers?: string[]): string {
  const provider = demoProvider(demo, providerId);
  const args = ['-b', (brokers ?? demo.kafka).join(',')];
  if (provider.kafka) {
    const sasl = saslOptions(provider.kafka);
    args.push('-X', 'security.protocol=SASL_PLAINTEXT', '-X', `sasl.mechanisms=${sasl.mechanism.toUpperCase()}`, '-X', `sasl.username=${provider.kafka.username}`, '-X', `sasl.password=${provider.kafka.password}`);
  }
  return args.join(' ');
}
