import { ApiKey } from '../codec/api-keys';
import { ErrorCode } from '../codec/error-codes';
import {
  decodeFindCoordinatorV0,
  encodeFindCoordinatorV0,
  type FindCoordinatorRequest,
  type FindCoordinatorResponse,
} from '../codec/find-coordinator/find-coordinator.v0';
import { defineApi } from './api.registry';

const GROUP = 0;

/** FindCoordinator (DESCRIBE on the group): this broker coordinates every group; transaction coordinators (key_type 1) do not exist here. */
export const findCoordinatorApi = defineApi<FindCoordinatorRequest, FindCoordinatorResponse>({
  apiKey: ApiKey.FindCoordinator,
  name: 'FindCoordinator',
  minVersion: 0,
  maxVersion: 2,
  decode: decodeFindCoordinatorV0,
  handle: (req, { broker, access }) => {
    if (req.keyType === GROUP && !access.group('DESCRIBE', req.key)) {
      return { errorCode: ErrorCode.GROUP_AUTHORIZATION_FAILED, errorMessage: null, nodeId: -1, host: '', port: -1 };
    }
    if (req.keyType !== GROUP) {
      // Non-retriable, so a transactional producer fails at once instead of retrying a coordinator lookup.
      const errorMessage = 'transactions are not supported by this broker';
      return { errorCode: ErrorCode.INVALID_REQUEST, errorMessage, nodeId: -1, host: '', port: -1 };
    }
    return { errorCode: ErrorCode.NONE, errorMessage: null, nodeId: broker.nodeId, host: broker.host, port: broker.port };
  },
  encode: encodeFindCoordinatorV0,
});
