// Public entry point of the embedded Kafka-compatible broker (implementation in progress).
export type { BrokerOptions, RunningBroker } from './broker.options';
export { startBroker } from './broker';
