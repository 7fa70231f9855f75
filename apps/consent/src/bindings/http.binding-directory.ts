import type { BindingListResponse, BindingStatusResponse, BindingView, Uscc } from '@cfc/contracts';
import { type InternalClient, ProblemException } from '@cfc/platform';
import type { BindingDirectory } from './binding-directory.port';

const MAX_IDS_PER_CALL = 1000; // binding's status API takes up to 1,000 ids

/**
 * Binding's internal API over service-token HTTP. Unreachable: 503 BINDING_UNAVAILABLE (from the
 * client); any other failure is 502 BINDING_FAILED, so a binding-side problem never reaches a
 * public caller as if it were theirs. Consent fails closed: no answer from binding, no grant or check.
 */
export class HttpBindingDirectory implements BindingDirectory {
  constructor(private readonly internal: InternalClient) {}

  async statusOf(bindingIds: readonly string[]): Promise<BindingView[]> {
    const views: BindingView[] = [];
    for (let i = 0; i < bindingIds.length; i += MAX_IDS_PER_CALL) {
      const body = { bindingIds: bindingIds.slice(i, i + MAX_IDS_PER_CALL) };
      const answer = await this.call<BindingStatusResponse>({ method: 'POST', path: '/internal/bindings/status', body });
      views.push(...answer.bindings);
    }
    return views;
  }

  async activeOf(subject: Uscc): Promise<BindingView[]> {
    const answer = await this.call<BindingListResponse>({ method: 'GET', path: `/internal/bindings?subject=${encodeURIComponent(subject)}&status=ACTIVE` });
    return answer.bindings.filter((b) => b.subject === subject && b.status === 'ACTIVE');
  }

  private async call<T>(request: Parameters<InternalClient['json']>[1]): Promise<T> {
    try {
      return await this.internal.json<T>('binding', request);
    } catch (error) {
      if (error instanceof ProblemException && error.getStatus() === 503) throw error;
      throw new ProblemException(502, 'BINDING_FAILED', 'Bad Gateway', 'the binding service did not answer as expected; retry shortly');
    }
  }
}
