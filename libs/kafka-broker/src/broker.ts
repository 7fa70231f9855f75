import type { BrokerOptions, RunningBroker } from './broker.options';

// Placeholder until the broker lands (issue 3).
export async function startBroker(_options: BrokerOptions): Promise<RunningBroker> {
  throw new Error('the embedded broker is not implemented yet');
}
