import type { Uscc } from '@cfc/contracts';

// Whether an enterprise is registered: identity owns the registry; consent asks, keeps nothing.
export interface SubjectDirectory {
  exists(uscc: Uscc): Promise<boolean>;
}

/** DI token of the SubjectDirectory adapter. */
export const SUBJECT_DIRECTORY = Symbol('SUBJECT_DIRECTORY');
