import type { ProviderKey, ProviderKeyRegistry } from './provider-message.verifier';

export interface HttpProviderKeyRegistryOptions {
  /** Reload the whole key list this often (revocations take effect within it). Default 30 s. */
  refreshMs?: number;
  /** On a lookup miss (a newly rotated key), reload at most this often. Default 2 s. */
  missCooldownMs?: number;
  now?: () => number;
  /** Headers of each request, e.g. the caller's service token (identity's internal routes require one). */
  headers?: () => Promise<Record<string, string>>;
}

/**
 * ProviderKeyRegistry over identity's GET /internal/provider-keys, cached: what a consumer of
 * cfc.provider.inbound.v1 passes to verifyProviderMessage. A new key is picked up on its first use;
 * a revoked key is refused from the next refresh on.
 */
export function httpProviderKeyRegistry(identityUrl: string, options: HttpProviderKeyRegistryOptions = {}): ProviderKeyRegistry & { refresh(): Promise<void> } {
  const refreshMs = options.refreshMs ?? 30_000;
  const missCooldownMs = options.missCooldownMs ?? 2_000;
  const now = options.now ?? Date.now;
  let keys = new Map<string, ProviderKey>();
  let loadedAt = Number.NEGATIVE_INFINITY;
  const refresh = async (): Promise<void> => {
    const headers = (await options.headers?.()) ?? {};
    const res = await fetch(new URL('/internal/provider-keys', identityUrl), { headers, signal: AbortSignal.timeout(5_000) });
    if (!res.ok) throw new Error(`identity /internal/provider-keys answered ${res.status}`);
    const body = (await res.json()) as { keys: ProviderKey[] };
    keys = new Map(body.keys.map((k) => [`${k.institutionId}/${k.keyId}`, k]));
    loadedAt = now();
  };
  return {
    refresh,
    async providerKey(institutionId, keyId) {
      const id = `${institutionId}/${keyId}`;
      if (now() - loadedAt >= refreshMs || (!keys.has(id) && now() - loadedAt >= missCooldownMs)) await refresh();
      return keys.get(id);
    },
  };
}
