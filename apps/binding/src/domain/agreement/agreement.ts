/** One published version of the entrustment agreement: its exact text and the SHA-256 (hex) of its UTF-8 bytes. */
export interface AgreementVersion {
  version: string;
  title: string;
  /** From this instant on, new bindings sign this version. */
  effectiveFrom: string;
  text: string;
  sha256: string;
}

/** The version new bindings sign at `now`: the latest that has taken effect. Old bindings keep theirs. */
export function agreementInForce(versions: readonly AgreementVersion[], now: Date): AgreementVersion {
  const inForce = versions.filter((v) => Date.parse(v.effectiveFrom) <= now.getTime()).sort((a, b) => Date.parse(a.effectiveFrom) - Date.parse(b.effectiveFrom));
  const current = inForce[inForce.length - 1];
  if (!current) throw new Error(`no entrustment agreement in force at ${now.toISOString()}`);
  return current;
}
