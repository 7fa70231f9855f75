// @nestjs/swagger's metadata keys (its DECORATORS constants; the package's exports map hides the module).
const DECORATORS = { API_MODEL_PROPERTIES: 'swagger/apiModelProperties', API_MODEL_PROPERTIES_ARRAY: 'swagger/apiModelPropertiesArray' } as const;

type Dto = new () => object;
interface PropertyMeta {
  example?: unknown;
  type?: unknown;
  isArray?: boolean;
  required?: boolean;
  enum?: unknown[];
}

/**
 * An example body assembled from a DTO's @ApiProperty examples (nested DTOs and arrays of them too), so
 * that every body in /docs shows a complete sample without writing each one twice. Properties without an
 * example of their own and no DTO type are left out.
 */
export function exampleOf(type: Dto, depth = 0): Record<string, unknown> {
  const example: Record<string, unknown> = {};
  const names = (Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES_ARRAY, type.prototype) as string[] | undefined) ?? [];
  for (const name of names.map((n) => n.replace(/^:/, ''))) {
    const meta = (Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, type.prototype, name) ?? {}) as PropertyMeta;
    const value = meta.example !== undefined ? meta.example : nestedExample(meta, depth);
    if (value !== undefined) example[name] = value;
  }
  return example;
}

function nestedExample(meta: PropertyMeta, depth: number): unknown {
  if (depth > 4) return undefined;
  const declared = Array.isArray(meta.type) ? meta.type[0] : meta.type;
  const nested = typeof declared === 'function' && isDto(declared) ? (declared as Dto) : typeof declared === 'function' && declared.length === 0 && isThunk(declared) ? (declared as () => Dto)() : undefined;
  if (nested && isDto(nested)) {
    const value = exampleOf(nested, depth + 1);
    return Array.isArray(meta.type) || meta.isArray ? [value] : value;
  }
  if (meta.enum && meta.enum.length > 0) return Array.isArray(meta.type) || meta.isArray ? [meta.enum[0]] : meta.enum[0];
  return undefined;
}

function isDto(value: unknown): boolean {
  const prototype = typeof value === 'function' ? (value as { prototype?: object }).prototype : undefined;
  return prototype !== undefined && Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES_ARRAY, prototype) !== undefined;
}

// @ApiProperty({ type: () => Nested }): a lazy type reference (arrow functions have no prototype).
function isThunk(value: unknown): boolean {
  return typeof value === 'function' && !('prototype' in value && (value as { prototype?: unknown }).prototype);
}
