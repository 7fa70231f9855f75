/** DI token of the validated ConfigValues of the running service. */
export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');
/** DI token of the service's name (identity, consent, ...). */
export const SERVICE_NAME = Symbol('SERVICE_NAME');
/** DI token of the MessagingClient (the project's Kafka port). */
export const MESSAGING_CLIENT = Symbol('MESSAGING_CLIENT');
