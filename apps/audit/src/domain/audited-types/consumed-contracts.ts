import { bindingEventContracts, consentEventContracts, ContractRegistry, identityEventContracts, ingestionEventContracts, reportEventContracts, type Contract } from '@cfc/contracts';

/**
 * The contract of every event type on the topics the audit consumes, at every version still on them
 * (identity's login events at 1 and 2): the decoder validates each event against its own version.
 */
export const CONSUMED_CONTRACTS: readonly Contract<string, unknown>[] = [
  ...identityEventContracts,
  ...bindingEventContracts,
  ...consentEventContracts,
  ...ingestionEventContracts,
  ...reportEventContracts,
] as Contract<string, unknown>[];

export const consumedContracts = (): ContractRegistry => new ContractRegistry([...CONSUMED_CONTRACTS]);
