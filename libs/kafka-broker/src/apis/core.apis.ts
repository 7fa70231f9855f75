import { apiVersionsApi } from './api-versions.api';
import type { ApiHandler } from './api.registry';

/** The broker's own APIs (everything but consumer groups). */
export const coreApis: readonly ApiHandler[] = [apiVersionsApi];
