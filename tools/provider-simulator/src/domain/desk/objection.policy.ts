import type { ObjectionOutcome } from '@cfc/contracts';

/** CFC_SIMULATOR_OBJECTIONS: how the simulated providers answer objections. */
export const OBJECTION_POLICIES = ['by-id', 'correct', 'uphold', 'ignore'] as const;
export type ObjectionPolicy = (typeof OBJECTION_POLICIES)[number];

/**
 * The answer an objection gets; undefined: none (it will go overdue). By default (`by-id`) the objection
 * id's last character decides, read as a base-36 digit (so hex digits read as hex): even -> CORRECTED,
 * odd -> UPHELD; a character that is no digit or letter decides by its character code. A test that reads
 * the id the platform assigned can predict the answer; over random ids about half are corrected.
 */
export function objectionOutcome(objectionId: string, policy: ObjectionPolicy): ObjectionOutcome | undefined {
  switch (policy) {
    case 'by-id': {
      const last = objectionId.slice(-1);
      const digit = Number.parseInt(last, 36);
      return (Number.isNaN(digit) ? last.charCodeAt(0) : digit) % 2 === 0 ? 'CORRECTED' : 'UPHELD';
    }
    case 'correct':
      return 'CORRECTED';
    case 'uphold':
      return 'UPHELD';
    case 'ignore':
      return undefined;
    default: {
      const unknown: never = policy;
      throw new Error(`unknown objection policy ${String(unknown)}`);
    }
  }
}
