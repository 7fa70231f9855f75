import { bindingEventContracts, ContractRegistry } from '@cfc/contracts';
import { migrateEventing, PostgresEventStore, type SqlDatabase } from '@cfc/eventing';
import { ProviderDirectory, type Clock, type InternalClient } from '@cfc/platform';
import { loadAgreementVersions } from './agreement/agreement.catalog';
import { BindingCommands } from './binding.commands';
import { migrateBinding } from './binding.migration';
import type { AgreementVersion } from './domain/agreement/agreement';
import { BindingsReadModel } from './read-model/bindings.queries';

/** Everything binding's controllers, consumer and sweep use, built once at start. */
export interface BindingRuntime {
  db: SqlDatabase;
  clock: Clock;
  commands: BindingCommands;
  bindings: BindingsReadModel;
  agreements: readonly AgreementVersion[];
  providers: ProviderDirectory;
}

/** DI token of the BindingRuntime. */
export const BINDING_RUNTIME = Symbol('BINDING_RUNTIME');

/** Migrates (event store, read model), loads the agreement texts and wires the use cases. */
export async function createBindingRuntime(db: SqlDatabase, clock: Clock, internal: InternalClient): Promise<BindingRuntime> {
  const agreements = loadAgreementVersions();
  await migrateEventing(db);
  await migrateBinding(db);
  const now = () => clock.now();
  const store = new PostgresEventStore(db, { contracts: new ContractRegistry(bindingEventContracts), now });
  return {
    db,
    clock,
    commands: new BindingCommands(db, store, now),
    bindings: new BindingsReadModel(db),
    agreements,
    providers: new ProviderDirectory(internal),
  };
}
