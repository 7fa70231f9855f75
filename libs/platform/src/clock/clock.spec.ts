import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SystemClock } from './clock';

describe('SystemClock', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cfc-clock-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is the system time without an offset file, and without the file it names', () => {
    expect(Math.abs(new SystemClock().now().getTime() - Date.now())).toBeLessThan(50);
    expect(Math.abs(new SystemClock(join(dir, 'absent')).now().getTime() - Date.now())).toBeLessThan(50);
  });

  it('moves by the offset written in the file, picking up a new value', async () => {
    const file = join(dir, 'offset');
    writeFileSync(file, String(8 * 86_400_000));
    const clock = new SystemClock(file);
    expect(clock.now().getTime() - Date.now()).toBeGreaterThan(8 * 86_400_000 - 1000);
    writeFileSync(file, '-3600000');
    utimesSync(file, new Date(), new Date(Date.now() + 5000)); // a distinct mtime even on coarse file systems
    await new Promise((r) => setTimeout(r, 150));
    const behind = Date.now() - clock.now().getTime();
    expect(behind).toBeGreaterThan(3_599_000);
    expect(behind).toBeLessThan(3_601_000);
  });
});
