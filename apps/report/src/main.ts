import { runService } from '@cfc/platform';
import { reportService } from './report.service';

void runService(reportService);
