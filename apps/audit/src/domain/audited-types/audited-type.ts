import type { ActivityKind, ActivityText } from '@cfc/contracts';

/** Institution names the stream has told so far (institution.registered entries), by institutionId. */
export interface InstitutionNames {
  nameOf(institutionId: string): string | undefined;
}

/**
 * How one event type enters the audit: the entry's `data` from the event's data (masked, no personal
 * data), and how the activity record reads that entry back (kind and sentence), from the entry alone.
 */
export interface AuditedType<In = never, Out extends object = Record<string, unknown>> {
  /** Event schema versions this mapping reads (the decoder dead-letters others). */
  readonly versions: readonly number[];
  /** The activity kind of an entry; undefined for platform-wide entries (no activity item). */
  kind(data: Out): ActivityKind | undefined;
  toData(data: In): Out;
  summary(data: Out, names: InstitutionNames): ActivityText;
}

/** One small entry per type: `audited<EventData>()({ kind, data, summary })`, data typed from the contract. */
export function audited<In>() {
  return <Out extends object>(spec: {
    kind: ActivityKind | undefined | ((data: Out) => ActivityKind);
    data: (data: In) => Out;
    summary: (data: Out, names: InstitutionNames) => ActivityText;
    versions?: readonly number[];
  }): AuditedType<In, Out> => ({
    versions: spec.versions ?? [1],
    kind: typeof spec.kind === 'function' ? spec.kind : () => spec.kind as ActivityKind | undefined,
    toData: spec.data,
    summary: spec.summary,
  });
}

/** A type's mapping with its input and output erased, as the table holds it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each entry is typed where it is written
export type AnyAuditedType = AuditedType<any, any>;

/** Text in both languages. */
export const text = (zh: string, en: string): ActivityText => ({ 'zh-CN': zh, en });
