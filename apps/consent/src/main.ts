import { runService } from '@cfc/platform';
import { consentService } from './consent.service';

void runService(consentService);
