import type { AnyAuditedType } from './audited-type';
import { bindingAudited } from './binding.audited';
import { consentAudited } from './consent.audited';
import { identityAudited } from './identity.audited';
import { objectionAudited } from './objection.audited';
import { reportAudited } from './report.audited';
import { subjectServicesAudited } from './subject-services.audited';

/** Every event type that goes on the audit stream, one entry each (a `<context>.audited.ts` spread here). */
export const AUDITED_TYPES: Readonly<Record<string, AnyAuditedType>> = {
  ...identityAudited,
  ...bindingAudited,
  ...consentAudited,
  ...reportAudited,
  ...subjectServicesAudited,
  ...objectionAudited,
};

/**
 * Event types on the consumed topics that are deliberately not audited, and why. A type in neither table
 * is dead-lettered (UNMAPPED_EVENT_TYPE) rather than dropped, so that a new audited event is never lost
 * for want of a line here: it can be replayed once its entry exists.
 */
export const NOT_AUDITED: Readonly<Record<string, string>> = {
  'login-challenge.issued': 'a login step: its outcome is audited (subject.logged-in, subject.login-failed, login-challenge.locked)',
  'institution.client-registered': 'credential administration of an institution; the secret hash never leaves identity',
  'provider-key.registered': 'provider key administration (not an enterprise activity); identity serves the key history',
  'provider-key.revoked': 'provider key administration (not an enterprise activity); identity serves the key history',
  'authorization.used':
    'the query it counts is audited as query.performed, which names the authorisation, the product, the accounts and the report hash; a second entry for the same act would double every institution query in the log and the record',
  'submission.accepted': "a provider message's outcome, told to the provider on its outbound topic; the data it carried is statistics.accepted, and every disclosure of it is audited as query.performed",
  'submission.rejected': "a provider message's outcome, told to the provider on its outbound topic; nothing of the enterprise's data changed",
  'provider-message.dead-lettered': 'a refused provider message: transport, not an act on an enterprise\'s data; regulators read it with its reason on cfc.ingestion.dead-letter.v1',
  'statistics.accepted': 'data supplied by a provider under a binding, not an act of consent or disclosure; every disclosure of it is audited as query.performed',
};

export type Classification = { kind: 'audited'; mapping: AnyAuditedType } | { kind: 'not-audited'; reason: string } | { kind: 'unmapped' };

/** What the recorder does with an event of this type. */
export function classify(type: string): Classification {
  const mapping = Object.hasOwn(AUDITED_TYPES, type) ? AUDITED_TYPES[type] : undefined;
  if (mapping) return { kind: 'audited', mapping };
  const reason = Object.hasOwn(NOT_AUDITED, type) ? NOT_AUDITED[type] : undefined;
  return reason ? { kind: 'not-audited', reason } : { kind: 'unmapped' };
}
