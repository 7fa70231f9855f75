/** The bounded contexts (one app each); each owns one internal event topic and its consumer groups. */
export const BOUNDED_CONTEXTS = ['identity', 'binding', 'consent', 'ingestion', 'report', 'audit'] as const;
export type BoundedContext = (typeof BOUNDED_CONTEXTS)[number];
