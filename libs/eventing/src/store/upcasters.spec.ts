import { Upcasters } from './upcasters';

describe('Upcasters', () => {
  const upcasters = new Upcasters([
    { type: 'tally.added', fromVersion: 1, upcast: (d) => ({ amount: d.amount, currency: 'CNY' }) },
    { type: 'tally.added', fromVersion: 2, upcast: (d) => ({ ...d, amountFen: Number(d.amount) * 100 }) },
  ]);

  it('writes new events at one past the last upcaster', () => {
    expect(upcasters.currentVersion('tally.added')).toBe(3);
    expect(upcasters.currentVersion('tally.closed')).toBe(1);
  });

  it('chains every upcaster from the stored version, and leaves current data alone', () => {
    expect(upcasters.upcast('tally.added', 1, { amount: 2 })).toEqual({ schemaVersion: 3, data: { amount: 2, currency: 'CNY', amountFen: 200 } });
    expect(upcasters.upcast('tally.added', 3, { x: 1 })).toEqual({ schemaVersion: 3, data: { x: 1 } });
  });

  it('refuses two upcasters for the same version', () => {
    const u = { type: 't.x', fromVersion: 1, upcast: (d: Record<string, unknown>) => d };
    expect(() => new Upcasters([u, u])).toThrow(/two upcasters/);
  });
});
