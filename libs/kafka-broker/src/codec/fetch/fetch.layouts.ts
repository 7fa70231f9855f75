import type { FetchLayout } from './fetch.v4';
import { FETCH_V5 } from './fetch.v5';
import { FETCH_V11 } from './fetch.v11';
import { FETCH_V7, FETCH_V9 } from './fetch.v7';

const V4: FetchLayout = { logStartOffset: false, sessions: false, leaderEpoch: false, rack: false };

/** The wire layout of a Fetch version (4-11). */
export function fetchLayout(version: number): FetchLayout {
  if (version >= 11) return FETCH_V11;
  if (version >= 9) return FETCH_V9;
  if (version >= 7) return FETCH_V7;
  if (version >= 5) return FETCH_V5;
  return V4;
}
