import { ApiKey } from '../codec/api-keys';
import { encodeApiVersionsV0, type ApiVersionsResponse } from '../codec/api-versions/api-versions.v0';
import { encodeApiVersionsV1 } from '../codec/api-versions/api-versions.v1';
import { ErrorCode } from '../codec/error-codes';
import { defineApi } from './api.registry';

/** ApiVersions: advertises exactly the registered APIs (versions above 2 are answered by the dispatcher). */
export const apiVersionsApi = defineApi<null, ApiVersionsResponse>({
  apiKey: ApiKey.ApiVersions,
  name: 'ApiVersions',
  minVersion: 0,
  maxVersion: 2,
  decode: () => null,
  handle: (_req, ctx) => ({ errorCode: ErrorCode.NONE, apiKeys: ctx.broker.registry.advertised() }),
  encode: (w, res, version) => (version === 0 ? encodeApiVersionsV0(w, res) : encodeApiVersionsV1(w, res)),
});
