import { runService } from '@cfc/platform';
import { auditService } from './audit.service';

void runService(auditService);
