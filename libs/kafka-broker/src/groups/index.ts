// The group coordinator and committed-offset storage, used by the group APIs' handlers.
export { type Clock, type Timer, systemClock } from './clock';
export { GroupCoordinator, type FetchedPartition, type OffsetFetchQuery } from './group.coordinator';
export { GroupError } from './group.errors';
export * from './group.types';
export { FileOffsetStore } from './file.offset-store';
export type { CommittedOffset, OffsetCommitEntry, OffsetStore } from './offset.store';
