import type { Uscc } from '@cfc/contracts';
import { type InternalClient, ProblemException } from '@cfc/platform';
import type { SubjectDirectory } from './subject-directory.port';

/** Identity's GET /internal/subjects/{uscc}: 200 registered, 404 not; anything else fails closed. */
export class HttpSubjectDirectory implements SubjectDirectory {
  constructor(private readonly internal: InternalClient) {}

  async exists(uscc: Uscc): Promise<boolean> {
    const res = await this.internal.request('identity', { method: 'GET', path: `/internal/subjects/${encodeURIComponent(uscc)}` });
    await res.body?.cancel();
    if (res.status === 200) return true;
    if (res.status === 404) return false;
    throw new ProblemException(502, 'IDENTITY_FAILED', 'Bad Gateway', 'the identity service did not answer as expected; retry shortly');
  }
}
