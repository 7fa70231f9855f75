import { BOUNDED_CONTEXTS, ConsumerGroups, contextEventsTopic, deadLetterTopic, inNamespace, Topics } from '@cfc/contracts';

/** Every topic and group the audit reads or writes (names from @cfc/contracts, in a test namespace if one is set). */
export interface AuditTopics {
  /** The contexts' event topics it records from (not its own). */
  sources: string[];
  entries: string;
  checkpoints: string;
  deadLetter: string;
  recorderGroup: string;
  /** The activity projection's group, before its generation suffix. */
  activityGroup: string;
}

export function auditTopics(namespace?: string): AuditTopics {
  const n = (name: string) => inNamespace(name, namespace);
  return {
    sources: BOUNDED_CONTEXTS.filter((c) => c !== 'audit').map((c) => n(contextEventsTopic(c))),
    entries: n(Topics.audit),
    checkpoints: n(Topics.auditCheckpoints),
    deadLetter: n(deadLetterTopic('audit')),
    recorderGroup: n(ConsumerGroups.auditRecorder),
    activityGroup: n(ConsumerGroups.auditActivity),
  };
}
