import { runService } from '@cfc/platform';
import { identityService } from './identity.service';

void runService(identityService);
