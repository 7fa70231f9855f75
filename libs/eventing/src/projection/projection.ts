import type { SqlExecutor } from '../sql/sql.port';
import type { StoredEvent } from '../store/stored-event';

/**
 * A read model fed from this service's event table. Its tables are its own: `init` creates them,
 * `drop` removes them, `apply` folds one event in. Bump `version` when the shape changes: the
 * runner then rebuilds it from the events.
 */
export interface Projection {
  name: string;
  version?: number;
  /** Event types it cares about; others still advance the checkpoint. Omit for all. */
  handles?: readonly string[];
  init(tx: SqlExecutor): Promise<void>;
  drop(tx: SqlExecutor): Promise<void>;
  apply(event: StoredEvent, tx: SqlExecutor): Promise<void>;
}
