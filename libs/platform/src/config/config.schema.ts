// Each service declares the environment variables it reads, with types and defaults, in one schema.
// The schema is data: loadConfig validates it at boot, the compose-file test and deploy/README read it.

interface Common {
  description: string;
  /** Never printed, not even in a validation error. */
  secret?: boolean;
}
export type VariableSpec = Common &
  (
    | { type: 'string'; default?: string; required?: boolean; minLength?: number }
    | { type: 'url'; default?: string; required?: boolean; protocols?: readonly string[] }
    | { type: 'int'; default?: number; required?: boolean; min?: number; max?: number }
    | { type: 'port'; default?: number; required?: boolean }
    | { type: 'boolean'; default?: boolean; required?: boolean }
    | { type: 'list'; default?: readonly string[]; required?: boolean }
    | { type: 'enum'; values: readonly string[]; default?: string; required?: boolean }
  );

export type ConfigSchema = Record<string, VariableSpec>;

type ValueOf<S extends VariableSpec> = S extends { type: 'int' | 'port' }
  ? number
  : S extends { type: 'boolean' }
    ? boolean
    : S extends { type: 'list' }
      ? string[]
      : S extends { type: 'enum'; values: readonly (infer V)[] }
        ? V
        : string;

/** The validated values of a schema: required or defaulted variables are always present. */
export type ConfigValues<T extends ConfigSchema> = {
  readonly [K in keyof T]: T[K] extends { required: true } | { default: unknown } ? ValueOf<T[K]> : ValueOf<T[K]> | undefined;
};

/** Identity function that keeps the literal types of a schema, so ConfigValues can infer from it. */
export function defineConfig<const T extends ConfigSchema>(schema: T): T {
  return schema;
}

/** True when a deployment must set this variable (required and without a default). */
export function isRequired(spec: VariableSpec): boolean {
  return spec.required === true && spec.default === undefined;
}
