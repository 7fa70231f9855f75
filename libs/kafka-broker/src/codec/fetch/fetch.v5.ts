/*
 * Fetch Request (Version: 5 and 6) => replica_id max_wait_ms min_bytes max_bytes isolation_level [topics]
 *   topics => topic STRING [partitions]
 *     partitions => partition INT32 fetch_offset INT64 log_start_offset INT64 partition_max_bytes INT32
 *
 * Fetch Response (Version: 5 and 6) => throttle_time_ms [responses]
 *   responses => topic STRING [partitions]
 *     partitions => partition_index INT32 error_code INT16 high_watermark INT64 last_stable_offset INT64
 *                   log_start_offset INT64 [aborted_transactions] records
 */
import type { FetchLayout } from './fetch.v4';

export const FETCH_V5: FetchLayout = { logStartOffset: true, sessions: false, leaderEpoch: false, rack: false };
