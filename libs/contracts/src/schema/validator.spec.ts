import * as contracts from '../index';
import { compileValidator, ContractViolationError } from './validator';

// Schemas compile on first use, not when @cfc/contracts loads: this suite uses every one of them, so a
// schema ajv's strict mode refuses fails here rather than at a service's first message.

type Checkable = (value: unknown) => unknown;
const validators = Object.entries(contracts).flatMap(([name, value]): [string, Checkable][] => {
  if (typeof value === 'function' && 'check' in value) return [[name, value as Checkable]];
  if (value && typeof value === 'object' && 'validate' in value && typeof value.validate === 'function') return [[name, value.validate as Checkable]];
  return [];
});

describe('contract validators', () => {
  it('finds the exported validators and contracts', () => {
    expect(validators.length).toBeGreaterThan(20);
  });

  it.each(validators)('%s compiles under strict mode and refuses a value of the wrong shape', (_name, validate) => {
    expect(() => validate(Symbol('not json'))).toThrow(ContractViolationError);
  });

  it('reports a broken schema when it is first used', () => {
    const broken = compileValidator('broken', { type: 'object', properties: { a: { type: 'strnig' } } });
    expect(() => broken({})).toThrow(/strnig|type/);
  });
});
