import type { DeclarationMadeData, DeclarationWithdrawnData, EventEnvelope } from '@cfc/contracts';
import type { SqlExecutor } from '@cfc/eventing';

// report.declarations from identity's declaration events. A withdrawal that overtook its declaration (it
// cannot on one partition, but a rebuilt topic might) leaves a row without text, which the declaration
// completes and which is never printed: a withdrawn declaration never reappears.

const MADE = `
  INSERT INTO report.declarations AS d (declaration_id, subject, scope, binding_id, period, text, declared_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7)
  ON CONFLICT (declaration_id) DO UPDATE SET text = excluded.text, declared_at = excluded.declared_at`;
const WITHDRAWN = `
  INSERT INTO report.declarations AS d (declaration_id, subject, scope, binding_id, period, withdrawn_at)
  VALUES ($1, $2, $3, $4, $5, $6)
  ON CONFLICT (declaration_id) DO UPDATE SET withdrawn_at = excluded.withdrawn_at`;

/** Applies one followed declaration event (others are skipped). */
export async function applyDeclarationEvent(tx: SqlExecutor, event: EventEnvelope): Promise<void> {
  if (event.type === 'declaration.made') {
    const d = event.data as DeclarationMadeData;
    await tx.query(MADE, [d.declarationId, d.uscc, d.scope, d.bindingId ?? null, d.period ?? null, d.text, d.madeAt]);
  } else if (event.type === 'declaration.withdrawn') {
    const d = event.data as DeclarationWithdrawnData;
    await tx.query(WITHDRAWN, [d.declarationId, d.uscc, d.scope, d.bindingId ?? null, d.period ?? null, d.withdrawnAt]);
  }
}
