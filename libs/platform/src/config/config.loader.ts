import type { ConfigSchema, ConfigValues, VariableSpec } from './config.schema';

/** Raised at boot when variables are missing or invalid; the message names every one of them. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

/** Validates the environment against a schema; throws ConfigError listing every bad variable. */
export function loadConfig<T extends ConfigSchema>(schema: T, env: NodeJS.ProcessEnv = process.env): ConfigValues<T> {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, spec] of Object.entries(schema)) {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') {
      if (spec.default !== undefined) values[name] = spec.default;
      else if (spec.required) problems.push(`${name} is required (${spec.description})`);
      continue;
    }
    const parsed = parse(spec, raw.trim());
    if (parsed.ok) values[name] = parsed.value;
    else problems.push(`${name} ${parsed.why}${spec.secret ? '' : ` (got "${raw}")`}`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(values) as ConfigValues<T>;
}

type Parsed = { ok: true; value: unknown } | { ok: false; why: string };

function parse(spec: VariableSpec, raw: string): Parsed {
  switch (spec.type) {
    case 'string':
      return spec.minLength !== undefined && raw.length < spec.minLength ? { ok: false, why: `must be at least ${spec.minLength} characters` } : { ok: true, value: raw };
    case 'url':
      return parseUrl(raw, spec.protocols);
    case 'int':
      return parseInt(raw, spec.min, spec.max);
    case 'port':
      return parseInt(raw, 0, 65535);
    case 'boolean':
      if (/^(true|1|yes|on)$/i.test(raw)) return { ok: true, value: true };
      if (/^(false|0|no|off)$/i.test(raw)) return { ok: true, value: false };
      return { ok: false, why: 'must be true or false' };
    case 'list': {
      const items = raw.split(',').map((s) => s.trim()).filter(Boolean);
      return items.length > 0 ? { ok: true, value: items } : { ok: false, why: 'must be a comma-separated list' };
    }
    case 'enum':
      return spec.values.includes(raw) ? { ok: true, value: raw } : { ok: false, why: `must be one of ${spec.values.join(', ')}` };
    default: {
      const never: never = spec;
      throw new Error(`unknown variable type ${JSON.stringify(never)}`);
    }
  }
}

function parseInt(raw: string, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER): Parsed {
  if (!/^-?\d+$/.test(raw)) return { ok: false, why: 'must be an integer' };
  const value = Number(raw);
  if (value < min || value > max) return { ok: false, why: `must be between ${min} and ${max}` };
  return { ok: true, value };
}

function parseUrl(raw: string, protocols?: readonly string[]): Parsed {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, why: 'must be a URL' };
  }
  const protocol = url.protocol.replace(/:$/, '');
  if (protocols && !protocols.includes(protocol)) return { ok: false, why: `must be a ${protocols.join(' or ')} URL` };
  return { ok: true, value: raw };
}
