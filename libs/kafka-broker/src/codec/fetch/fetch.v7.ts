/*
 * Fetch Request (Version: 7 and 8) => replica_id max_wait_ms min_bytes max_bytes isolation_level session_id
 *                                     session_epoch [topics] [forgotten_topics_data]
 *   session_id => INT32, session_epoch => INT32
 *   topics => topic STRING [partitions]
 *     partitions => partition INT32 fetch_offset INT64 log_start_offset INT64 partition_max_bytes INT32
 *   forgotten_topics_data => topic STRING [partitions INT32]
 * Fetch Request (Version: 9 and 10): partitions gain current_leader_epoch INT32 after partition.
 *
 * Fetch Response (Version: 7 to 10) => throttle_time_ms error_code session_id [responses]
 *   error_code => INT16, session_id => INT32 (0: this broker keeps no fetch sessions)
 *   responses: as v5
 */
import type { FetchLayout } from './fetch.v4';

export const FETCH_V7: FetchLayout = { logStartOffset: true, sessions: true, leaderEpoch: false, rack: false };
export const FETCH_V9: FetchLayout = { logStartOffset: true, sessions: true, leaderEpoch: true, rack: false };
