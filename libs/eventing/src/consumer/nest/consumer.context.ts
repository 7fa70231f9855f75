import { BaseRpcContext } from '@nestjs/microservices';
import type { IncomingMessage } from '@cfc/platform';
import type { SqlExecutor } from '../../sql/sql.port';

/**
 * What a @EventPattern handler of a ConsumerTransport gets with `@Ctx()`: the transaction its effects go
 * through (the inbox row joins it) and the raw Kafka message (headers, bytes, offset).
 */
export class ConsumerContext extends BaseRpcContext<[SqlExecutor, IncomingMessage]> {
  /** Write every effect through this: it commits with the inbox row, or not at all. */
  get tx(): SqlExecutor {
    return this.args[0];
  }

  get message(): IncomingMessage {
    return this.args[1];
  }
}
