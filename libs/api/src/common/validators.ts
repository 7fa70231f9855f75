import { usccProblem } from '@cfc/contracts';
import { Matches, ValidateBy, type ValidationOptions } from 'class-validator';

// Field validators shared by the gateway (first check, OpenAPI) and the owning service (second check).
// Each failure carries a stable code in its context: it becomes the field's `code` in the 400 problem.

/** A Unified Social Credit Code with a correct check character (GB 32100-2015). */
export function IsUscc(options: ValidationOptions = {}): PropertyDecorator {
  return (target, property) => {
    ValidateBy({ name: 'usccFormat', validator: { validate: (v) => typeof v === 'string' && usccProblem(v) !== 'FORMAT', defaultMessage: () => 'must be 18 characters of 0-9 and A-Y without I, O, S, V, Z' } }, { ...options, context: { code: 'USCC_FORMAT' } })(target, property);
    ValidateBy({ name: 'usccCheckCharacter', validator: { validate: (v) => typeof v !== 'string' || usccProblem(v) !== 'CHECK_CHARACTER', defaultMessage: () => 'check character is wrong' } }, { ...options, context: { code: 'USCC_CHECK_CHARACTER' } })(target, property);
  };
}

/** A calendar month YYYY-MM. */
export const IsPeriod = (options: ValidationOptions = {}) =>
  Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'must be a month YYYY-MM', ...options, context: { code: 'PERIOD_FORMAT' } });

/** An institution id ([A-Z0-9]{4,20}). */
export const IsInstitutionId = (options: ValidationOptions = {}) =>
  Matches(/^[A-Z0-9]{4,20}$/, { message: 'must be an institutionId (4-20 of A-Z, 0-9)', ...options, context: { code: 'INSTITUTION_ID_FORMAT' } });
