import { apiVersionsApi } from './api-versions.api';
import type { ApiHandler } from './api.registry';
import { createTopicsApi } from './create-topics.api';
import { deleteTopicsApi } from './delete-topics.api';
import { fetchApi } from './fetch.api';
import { initProducerIdApi } from './init-producer-id.api';
import { listOffsetsApi } from './list-offsets.api';
import { metadataApi } from './metadata.api';
import { produceApi } from './produce.api';
import { saslAuthenticateApi } from './sasl-authenticate.api';
import { saslHandshakeApi } from './sasl-handshake.api';

/** The broker's own APIs (everything but consumer groups). */
export const coreApis: readonly ApiHandler[] = [
  produceApi,
  fetchApi,
  listOffsetsApi,
  metadataApi,
  saslHandshakeApi,
  apiVersionsApi,
  createTopicsApi,
  deleteTopicsApi,
  initProducerIdApi,
  saslAuthenticateApi,
];
