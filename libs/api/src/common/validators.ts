import { SUBJECT_TEXT_PROBLEM_MESSAGES, subjectTextProblem, usccProblem, type SubjectTextProblem } from '@cfc/contracts';
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

/**
 * A message or declaration text (CONTRACT: 留言 up to 2,000, 声明 up to 500 characters): a string that is
 * not only white space, well-formed Unicode, without control characters but tab and line breaks, at most
 * `max` characters (code points). One code per way to fail (subjectTextProblem of @cfc/contracts).
 */
export function IsSubjectText(max: number, options: ValidationOptions = {}): PropertyDecorator {
  return (target, property) => {
    for (const problem of Object.keys(SUBJECT_TEXT_PROBLEM_MESSAGES) as SubjectTextProblem[]) {
      ValidateBy(
        { name: `subjectText${problem}`, validator: { validate: (v) => subjectTextProblem(v, max) !== problem, defaultMessage: () => SUBJECT_TEXT_PROBLEM_MESSAGES[problem](max) } },
        { ...options, context: { code: problem } },
      )(target, property);
    }
  };
}
