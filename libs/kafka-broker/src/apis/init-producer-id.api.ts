import { ApiKey } from '../codec/api-keys';
import { ErrorCode } from '../codec/error-codes';
import {
  decodeInitProducerIdV0,
  encodeInitProducerIdV0,
  type InitProducerIdRequest,
  type InitProducerIdResponse,
} from '../codec/init-producer-id/init-producer-id.v0';
import { defineApi } from './api.registry';

/** InitProducerId: a fresh producer id (epoch 0) for idempotent producers; transactional ids are refused (no transactions). */
export const initProducerIdApi = defineApi<InitProducerIdRequest, InitProducerIdResponse>({
  apiKey: ApiKey.InitProducerId,
  name: 'InitProducerId',
  minVersion: 0,
  maxVersion: 1,
  decode: decodeInitProducerIdV0,
  handle: async (req, { broker, access }) => {
    if (req.transactionalId !== null) {
      broker.log('warn', 'transactional producer refused: transactions are not supported', { transactionalId: req.transactionalId });
      return { errorCode: ErrorCode.INVALID_REQUEST, producerId: -1, producerEpoch: -1 };
    }
    // Kafka 3.x: IDEMPOTENT_WRITE on the cluster, or WRITE on any topic (KIP-679).
    if (!access.sees('CLUSTER', 'IDEMPOTENT_WRITE', '') && !access.anyTopic('WRITE')) {
      return { errorCode: ErrorCode.CLUSTER_AUTHORIZATION_FAILED, producerId: -1, producerEpoch: -1 };
    }
    return { errorCode: ErrorCode.NONE, producerId: await broker.storage.nextProducerId(), producerEpoch: 0 };
  },
  encode: (w, res) => encodeInitProducerIdV0(w, res),
});
