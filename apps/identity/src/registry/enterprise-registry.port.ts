// The enterprise registry is the authority on who an enterprise's legal representative is. The
// embedded adapter answers from the demo data set; a real adapter (a market-regulation registry or
// a licensed identity-verification service) implements the same port:
// - match() receives the three facts the enterprise typed and answers only "matched, and here is the
//   registered mobile" or "not matched", never which field differed (no probing);
// - implementations must not log or keep the ID number in clear; compare it in constant time or hand
//   it to the registry over an authenticated, encrypted channel;
// - a registry outage is an error (the login fails with 503), never a "not matched".
export interface RegistryMatch {
  matched: true;
  uscc: string;
  enterpriseName: string;
  /** Registered mobile of the legal representative: where the one-time code goes. */
  mobile: string;
}

export interface EnterpriseRegistry {
  /** Whether the USCC is registered with this legal representative name and resident ID number. */
  match(uscc: string, legalRepName: string, legalRepIdNumber: string): Promise<RegistryMatch | { matched: false }>;
  /** Whether the USCC is registered (what other services may ask: no personal data in the answer). */
  exists(uscc: string): Promise<boolean>;
  /** The legal representative's registered mobile, for notices to the enterprise; undefined when unregistered. */
  mobileOf(uscc: string): Promise<string | undefined>;
}

/** DI token of the EnterpriseRegistry adapter. */
export const ENTERPRISE_REGISTRY = Symbol('ENTERPRISE_REGISTRY');
