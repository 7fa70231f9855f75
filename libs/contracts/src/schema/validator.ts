import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { isValidUscc } from '../common/uscc';

/** A JSON Schema (draft 07) as plain data: contracts are data, so are their schemas. */
export type JsonSchema = Readonly<Record<string, unknown>>;

/** Thrown when a value crossing a boundary does not match its contract; carries ajv's errors. */
export class ContractViolationError extends Error {
  override readonly name = 'ContractViolationError';
  constructor(
    readonly contract: string,
    readonly errors: readonly Pick<ErrorObject, 'instancePath' | 'message'>[],
  ) {
    super(`${contract}: ${errors.map((e) => `${e.instancePath || '/'} ${e.message ?? 'invalid'}`).join('; ')}`);
  }
}

// One shared ajv: compiled validators are cached by schema identity, so each contract compiles once.
const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats(ajv, ['date-time', 'uuid']);
ajv.addFormat('uscc', { type: 'string', validate: isValidUscc });

/** A boundary check: returns the value typed as T, or throws ContractViolationError. */
export interface Validator<T> {
  (value: unknown): T;
  /** Non-throwing form for callers that route failures (dead letters) instead of throwing. */
  check(value: unknown): { ok: true; value: T } | { ok: false; error: ContractViolationError };
}

/**
 * A throwing validator named after its contract; the schema compiles once, on first use. Compiling every
 * contract when @cfc/contracts loads cost each service about 0.35 s of CPU at start, for schemas most never use.
 */
export function compileValidator<T>(contract: string, schema: JsonSchema): Validator<T> {
  let compiled: ValidateFunction | undefined;
  const check = (value: unknown) => {
    const validate = (compiled ??= ajv.compile(schema as Record<string, unknown>));
    return validate(value)
      ? { ok: true as const, value: value as T }
      : { ok: false as const, error: new ContractViolationError(contract, validate.errors ?? []) };
  };
  const assert = (value: unknown): T => {
    const result = check(value);
    if (!result.ok) throw result.error;
    return result.value;
  };
  return Object.assign(assert, { check });
}
