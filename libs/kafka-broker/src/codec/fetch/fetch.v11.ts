/*
 * Fetch Request (Version: 11) => replica_id max_wait_ms min_bytes max_bytes isolation_level session_id
 *                                session_epoch [topics] [forgotten_topics_data] rack_id
 *   topics => topic STRING [partitions]
 *     partitions => partition INT32 current_leader_epoch INT32 fetch_offset INT64 log_start_offset INT64
 *                   partition_max_bytes INT32
 *   rack_id => STRING
 *
 * Fetch Response (Version: 11) => throttle_time_ms error_code session_id [responses]
 *   responses => topic STRING [partitions]
 *     partitions => partition_index INT32 error_code INT16 high_watermark INT64 last_stable_offset INT64
 *                   log_start_offset INT64 [aborted_transactions] preferred_read_replica INT32 records
 */
import type { FetchLayout } from './fetch.v4';

export const FETCH_V11: FetchLayout = { logStartOffset: true, sessions: true, leaderEpoch: true, rack: true };
