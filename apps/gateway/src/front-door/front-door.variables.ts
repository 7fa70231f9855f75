import { defineConfig } from '@cfc/platform';

// The gateway's rate limits (token buckets): a burst, then a steady rate per second; the metrics token.
export const frontDoorVariables = defineConfig({
  METRICS_TOKEN: { type: 'string', secret: true, minLength: 32, description: 'bearer token (at least 32 characters) Prometheus presents for GET /metrics on the public port; unset: /metrics answers 404' },
  RATE_LIMIT_ADDRESS_BURST: { type: 'int', default: 200, min: 1, description: 'requests one client address may send at once' },
  RATE_LIMIT_ADDRESS_PER_SECOND: { type: 'int', default: 50, min: 1, description: 'steady requests per second per client address' },
  RATE_LIMIT_TOKEN_BURST: { type: 'int', default: 100, min: 1, description: 'requests one bearer token subject may send at once' },
  RATE_LIMIT_TOKEN_PER_SECOND: { type: 'int', default: 20, min: 1, description: 'steady requests per second per bearer token subject' },
});
