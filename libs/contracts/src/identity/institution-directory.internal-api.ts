import type { InstitutionId } from '../common/common.types';
import type { InstitutionRole } from './identity.events';

// Identity's internal directory of institutions (service-token authenticated): who is registered, in
// which roles. Binding asks it whether a provider named in a binding request is a registered PROVIDER.

/** One registered institution. */
export interface InstitutionEntry {
  institutionId: InstitutionId;
  name: string;
  roles: InstitutionRole[];
}

/** GET /internal/institutions[?role=PROVIDER|USER|REGULATOR] -> the institutions (holding that role). */
export interface InstitutionListResponse {
  institutions: InstitutionEntry[];
}
