import { providerMessageDeadLettered } from './dead-letter.events';
import { statisticsAccepted } from './ingestion.events';
import { objectionOverdueEvent, objectionRaisedEvent, objectionResolvedEvent } from './objection.events';
import { submissionAcceptedEvent, submissionRejectedEvent } from './submission.events';

/** Every ingestion event contract, for the event store's registry and for consumers. */
export const ingestionEventContracts = [
  statisticsAccepted,
  submissionAcceptedEvent,
  submissionRejectedEvent,
  providerMessageDeadLettered,
  objectionRaisedEvent,
  objectionResolvedEvent,
  objectionOverdueEvent,
] as const;

/** Ingestion's events that belong on the audit stream (an enterprise's objections, step by step). */
export const INGESTION_AUDITED_EVENT_TYPES = ['objection.raised', 'objection.resolved', 'objection.overdue'] as const;
