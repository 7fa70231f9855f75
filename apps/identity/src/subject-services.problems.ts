import { SUBJECT_TEXT_PROBLEM_MESSAGES, type SubjectTextProblem } from '@cfc/contracts';
import { ProblemException } from '@cfc/platform';
import { DeclarationRuleViolation, type DeclarationRule } from './domain/declaration/declaration.decider';
import { MessageRuleViolation, type MessageRule } from './domain/message/message.decider';

// The problems of the subject services (messages, declarations), one stable code each.

const invalidField = (field: string, code: string, message: string) =>
  new ProblemException(400, 'VALIDATION_FAILED', 'Bad Request', `${field}: ${message}`, { errors: [{ field, code, message }] });

function problemOf(rule: MessageRule | DeclarationRule, textMax: number): ProblemException {
  switch (rule) {
    case 'TEXT_NOT_A_STRING':
    case 'TEXT_EMPTY':
    case 'TEXT_TOO_LONG':
    case 'TEXT_NOT_WELL_FORMED':
    case 'TEXT_CONTROL_CHARACTER':
      return invalidField('text', rule, SUBJECT_TEXT_PROBLEM_MESSAGES[rule as SubjectTextProblem](textMax));
    case 'PERIOD_WITHOUT_BINDING':
      return invalidField('period', rule, 'needs bindingId: a month is a month of one binding');
    case 'PERIOD_FORMAT':
      return invalidField('period', rule, 'must be a month YYYY-MM');
    case 'PERIOD_IN_FUTURE':
      return invalidField('period', rule, 'must not be after the current month (Asia/Shanghai)');
    case 'MESSAGE_NOT_FOUND':
      return new ProblemException(404, 'MESSAGE_NOT_FOUND', 'Not Found', 'no such message');
    case 'MESSAGE_ALREADY_REPLIED':
      return new ProblemException(409, 'MESSAGE_ALREADY_REPLIED', 'Conflict', 'this message has been answered already');
    case 'DECLARATION_NOT_FOUND':
      return new ProblemException(404, 'DECLARATION_NOT_FOUND', 'Not Found', 'no such declaration');
    case 'DECLARATION_ALREADY_WITHDRAWN':
      return new ProblemException(409, 'DECLARATION_ALREADY_WITHDRAWN', 'Conflict', 'this declaration was withdrawn already');
    case 'MESSAGE_EXISTS':
    case 'DECLARATION_EXISTS':
      // Only a repeated random id could get here: the caller may simply try again.
      return new ProblemException(409, rule, 'Conflict', 'the new id is taken; try again');
    default: {
      const unknown: never = rule;
      throw new Error(`unknown rule ${String(unknown)}`);
    }
  }
}

/** The problem to answer for a rule the deciders refused; anything else is rethrown as it is. */
export function subjectServiceProblem(error: unknown, textMax: number): unknown {
  if (error instanceof MessageRuleViolation || error instanceof DeclarationRuleViolation) return problemOf(error.rule, textMax);
  return error;
}

export const bindingNotFound = () =>
  new ProblemException(422, 'BINDING_NOT_FOUND', 'Unprocessable Content', 'bindingId: no binding with this id in this data account', { errors: [{ field: 'bindingId', code: 'BINDING_NOT_FOUND', message: 'is not a binding of this enterprise' }] });
export const bindingNotActive = (status: string) =>
  new ProblemException(422, 'BINDING_NOT_ACTIVE', 'Unprocessable Content', `bindingId: the binding is ${status}; only an ACTIVE binding is in reports`, { bindingStatus: status, errors: [{ field: 'bindingId', code: 'BINDING_NOT_ACTIVE', message: `is ${status}, not ACTIVE` }] });
export const declarationLimitReached = (max: number) =>
  new ProblemException(409, 'DECLARATION_LIMIT_REACHED', 'Conflict', `at most ${max} active declarations: withdraw one first`, { limit: max });
