import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { ProblemException } from '../problem/problem.exception';

/** One field's problem, as every 400 VALIDATION_FAILED problem lists them. */
export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

/**
 * Checks a plain body against a class-validator DTO; unknown fields are refused (they would otherwise be
 * dropped without the caller knowing). Returns the DTO instance, or throws 400 VALIDATION_FAILED listing
 * every field, each with a stable code (the constraint's `context.code`, else its name in UPPER_SNAKE).
 */
export function validateDto<T extends object>(type: ClassConstructor<T>, plain: unknown, what = 'body'): T {
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) {
    throw new ProblemException(400, 'VALIDATION_FAILED', 'Bad Request', `the ${what} must be a JSON object`, { errors: [{ field: what, code: 'NOT_AN_OBJECT', message: 'must be a JSON object' }] });
  }
  const instance = plainToInstance(type, plain, { enableImplicitConversion: false });
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true, validationError: { target: false, value: false } });
  if (errors.length === 0) return instance;
  const problems = errors.flatMap((e) => fieldProblems(e, ''));
  throw new ProblemException(400, 'VALIDATION_FAILED', 'Bad Request', problems.map((p) => `${p.field}: ${p.message}`).join('; '), { errors: problems });
}

function fieldProblems(error: ValidationError, prefix: string): FieldProblem[] {
  const field = prefix ? `${prefix}.${error.property}` : error.property;
  const own = Object.entries(error.constraints ?? {}).map(([name, message]) => ({
    field,
    code: codeOf(name, error.contexts?.[name]),
    message: message.startsWith(`${error.property} `) ? message.slice(error.property.length + 1) : message,
  }));
  return [...own, ...(error.children ?? []).flatMap((child) => fieldProblems(child, field))];
}

function codeOf(constraint: string, context: unknown): string {
  const given = (context as { code?: unknown } | undefined)?.code;
  if (typeof given === 'string') return given;
  if (constraint === 'whitelistValidation') return 'UNKNOWN_FIELD';
  return constraint.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}
