import { runService } from '@cfc/platform';
import { bindingService } from './binding.service';

void runService(bindingService);
