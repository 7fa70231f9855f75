import { runService } from '@cfc/platform';
import { gatewayService } from './gateway.service';

void runService(gatewayService);
