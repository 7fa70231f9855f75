/*
 * InitProducerId Request (Version: 0 and 1) => transactional_id transaction_timeout_ms
 *   transactional_id => NULLABLE_STRING, transaction_timeout_ms => INT32
 *
 * InitProducerId Response (Version: 0 and 1) => throttle_time_ms error_code producer_id producer_epoch
 *   throttle_time_ms => INT32, error_code => INT16, producer_id => INT64, producer_epoch => INT16
 */
import type { Reader } from '../primitives/reader';
import type { Writer } from '../primitives/writer';

export interface InitProducerIdRequest {
  readonly transactionalId: string | null;
  readonly transactionTimeoutMs: number;
}

export interface InitProducerIdResponse {
  readonly errorCode: number;
  readonly producerId: number;
  readonly producerEpoch: number;
}

export function decodeInitProducerIdV0(r: Reader): InitProducerIdRequest {
  return { transactionalId: r.nullableString(), transactionTimeoutMs: r.int32() };
}

export function encodeInitProducerIdV0(w: Writer, res: InitProducerIdResponse): void {
  w.int32(0).int16(res.errorCode).int64(res.producerId).int16(res.producerEpoch);
}
