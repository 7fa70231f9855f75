import { runService } from '@cfc/platform';
import { ingestionService } from './ingestion.service';

void runService(ingestionService);
