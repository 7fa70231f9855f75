import type { AuthorizationListQueryDto } from '@cfc/api';
import type { AuthorizationStatus } from '../domain/authorization/authorization.state';

/** The list's filter from its validated query (status as it stands now; default 100 newest). */
export function listFilter(query: AuthorizationListQueryDto): { status?: AuthorizationStatus; limit: number } {
  return { ...(query.status ? { status: query.status } : {}), limit: query.limit ? Number(query.limit) : 100 };
}
