import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makePrivate } from './private-data';

describe('makePrivate', () => {
  let root: string;
  beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'cfc-private-'))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));
  const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);

  it('makes every directory 0700 and every file 0600 below the data dir, creating it if needed', () => {
    const data = join(root, '.data');
    mkdirSync(join(data, 'kafka', 'topics', 't-0'), { recursive: true, mode: 0o755 });
    writeFileSync(join(data, 'kafka', 'topics', 't-0', '00000000000000000000.log'), 'records', { mode: 0o644 });
    writeFileSync(join(data, 'demo.json'), '{}', { mode: 0o666 });
    chmodSync(data, 0o755);
    symlinkSync('/etc/hostname', join(data, 'link'));
    expect(makePrivate(data)).toBe(6);
    expect([data, join(data, 'kafka'), join(data, 'kafka', 'topics'), join(data, 'kafka', 'topics', 't-0')].map(mode)).toEqual(['700', '700', '700', '700']);
    expect([join(data, 'demo.json'), join(data, 'kafka', 'topics', 't-0', '00000000000000000000.log')].map(mode)).toEqual(['600', '600']);
    expect(mode('/etc/hostname')).not.toBe('600'); // links are not followed
    expect(makePrivate(data)).toBe(0);
    expect(makePrivate(join(root, 'fresh'))).toBe(0);
    expect(mode(join(root, 'fresh'))).toBe('700');
  });
});
