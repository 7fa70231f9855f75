import { defineConfig } from '@cfc/platform';

// The gateway's rate limits (token buckets): a burst, then a steady rate per second.
export const frontDoorVariables = defineConfig({
  RATE_LIMIT_ADDRESS_BURST: { type: 'int', default: 200, min: 1, description: 'requests one client address may send at once' },
  RATE_LIMIT_ADDRESS_PER_SECOND: { type: 'int', default: 50, min: 1, description: 'steady requests per second per client address' },
  RATE_LIMIT_TOKEN_BURST: { type: 'int', default: 100, min: 1, description: 'requests one bearer token subject may send at once' },
  RATE_LIMIT_TOKEN_PER_SECOND: { type: 'int', default: 20, min: 1, description: 'steady requests per second per bearer token subject' },
});
