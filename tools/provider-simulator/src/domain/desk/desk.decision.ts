import type { ProviderInboundMessage } from '@cfc/contracts';
import type { Holdings } from './holdings';
import type { ObjectionPolicy } from './objection.policy';
import type { DeskState } from './desk.state';

/** A message for cfc.provider.inbound.v1, keyed by binding id so that one binding's messages stay in order. */
export interface Outgoing {
  provider: string;
  key: string;
  message: ProviderInboundMessage;
}

/** Something worth a log line: the simulator is never silent about what it received or refused. */
export interface Note {
  level: 'info' | 'warn' | 'error';
  msg: string;
  fields: Record<string, unknown>;
}

/** What a decision returns: the next state, the messages to send (in order) and what to log. */
export interface Decision {
  state: DeskState;
  send: Outgoing[];
  notes: Note[];
}

export interface DeskSettings {
  /** How long after confirming a binding its first statistics wait. */
  streamDelayMs: number;
  /** Records per statistics.submitted message (the contract allows up to 1,000). */
  maxRecordsPerMessage: number;
  objectionPolicy: ObjectionPolicy;
  /** Delays before each new attempt at months refused as unbound; its length is the number of retries. */
  retryDelaysMs: readonly number[];
}

/** What every decision is given besides the state: who acts, when, and what the provider holds. */
export interface DeskContext {
  provider: string;
  now: Date;
  holdings: Holdings;
  settings: DeskSettings;
}
