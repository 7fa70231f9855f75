import type { InstitutionListResponse } from '@cfc/contracts';
import type { InternalClient } from './internal.client';

export interface ProviderDirectoryOptions {
  /** Reload the list this often. Default 30 s. */
  refreshMs?: number;
  /** On a miss (a provider registered a moment ago), reload at most this often. Default 2 s. */
  missCooldownMs?: number;
  now?: () => number;
}

/** Which institutions are registered PROVIDERs: identity's GET /internal/institutions?role=PROVIDER, cached briefly. */
export class ProviderDirectory {
  private ids = new Set<string>();
  private loadedAt = Number.NEGATIVE_INFINITY;
  private loading?: Promise<void>;

  constructor(
    private readonly internal: InternalClient,
    private readonly options: ProviderDirectoryOptions = {},
  ) {}

  /** True when `institutionId` is a registered provider. Identity unreachable: the last list, or (none yet) its 503. */
  async isProvider(institutionId: string): Promise<boolean> {
    const now = (this.options.now ?? Date.now)();
    const age = now - this.loadedAt;
    if (age >= (this.options.refreshMs ?? 30_000) || (!this.ids.has(institutionId) && age >= (this.options.missCooldownMs ?? 2_000))) {
      await this.refresh().catch((error: unknown) => {
        if (this.loadedAt === Number.NEGATIVE_INFINITY) throw error;
      });
    }
    return this.ids.has(institutionId);
  }

  private refresh(): Promise<void> {
    // Concurrent requests share one reload.
    this.loading ??= this.internal
      .json<InstitutionListResponse>('identity', { path: '/internal/institutions?role=PROVIDER' })
      .then((body) => {
        this.ids = new Set(body.institutions.map((i) => i.institutionId));
        this.loadedAt = (this.options.now ?? Date.now)();
      })
      .finally(() => (this.loading = undefined));
    return this.loading;
  }
}
