import type { DeclarationMadeData, DeclarationWithdrawnData } from '@cfc/contracts';

// Events of one declaration stream (declaration-<declarationId>): made, and perhaps withdrawn. Never erased.
export type DeclarationMade = { readonly type: 'declaration.made'; readonly data: DeclarationMadeData };
export type DeclarationWithdrawn = { readonly type: 'declaration.withdrawn'; readonly data: DeclarationWithdrawnData };
export type DeclarationEvent = DeclarationMade | DeclarationWithdrawn;

/** Stream id of one declaration. */
export function declarationStreamId(declarationId: string): string {
  return `declaration-${declarationId}`;
}
