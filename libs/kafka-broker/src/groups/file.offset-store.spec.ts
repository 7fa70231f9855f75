import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileOffsetStore } from './file.offset-store';

const dirs: string[] = [];
const fresh = () => join(dirs[dirs.push(mkdtempSync(join(tmpdir(), 'cfc-offsets-'))) - 1], 'offsets.log');

describe('FileOffsetStore', () => {
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('cuts a torn last line from a crash and keeps every whole commit', () => {
    const path = fresh();
    const store = new FileOffsetStore(path);
    store.commit('g', [{ topic: 't', partition: 0, offset: 10, metadata: null }]);
    store.close();
    const whole = statSync(path).size;
    appendFileSync(path, '{"g":"g","t":"t","p":0,"o":11');
    const truncated: number[] = [];
    const reopened = new FileOffsetStore(path, { onTruncate: (kept, dropped) => truncated.push(kept, dropped) });
    expect(reopened.get('g', 't', 0)?.offset).toBe(10);
    expect(truncated).toEqual([whole, '{"g":"g","t":"t","p":0,"o":11'.length]);
    expect(statSync(path).size).toBe(whole);
    reopened.commit('g', [{ topic: 't', partition: 0, offset: 12, metadata: 'ok' }]);
    reopened.close();
    expect(new FileOffsetStore(path).get('g', 't', 0)).toEqual({ offset: 12, metadata: 'ok' });
  });

  it('with fsync always, a commit is readable by a fresh reader as soon as commit() returns', () => {
    const path = fresh();
    const store = new FileOffsetStore(path, { fsync: 'always' });
    store.commit('g', [{ topic: 't', partition: 3, offset: 77, metadata: 'x' }]);
    expect(new FileOffsetStore(path).get('g', 't', 3)).toEqual({ offset: 77, metadata: 'x' });
    store.close();
  });

  it('replays deletions and compacts a log made mostly of superseded commits', () => {
    const path = fresh();
    const store = new FileOffsetStore(path, { compactSlack: 1_000_000 });
    for (let i = 0; i < 1500; i++) store.commit('g', [{ topic: 't', partition: i % 2, offset: i, metadata: null }]);
    store.commit('gone', [{ topic: 't', partition: 0, offset: 1, metadata: null }]);
    store.deleteGroup('gone');
    store.close();
    expect(readFileSync(path, 'utf8').trim().split('\n')).toHaveLength(1502);
    const reopened = new FileOffsetStore(path, { compactSlack: 1000 });
    expect(reopened.groups()).toEqual(['g']);
    expect(reopened.get('g', 't', 0)?.offset).toBe(1498);
    expect(reopened.get('g', 't', 1)?.offset).toBe(1499);
    expect(readFileSync(path, 'utf8').trim().split('\n')).toHaveLength(2);
    reopened.close();
  });

  it('compacts while running once superseded lines pile up, and stays correct', () => {
    const path = fresh();
    const store = new FileOffsetStore(path, { compactSlack: 100 });
    for (let i = 0; i < 1000; i++) store.commit('g', [{ topic: 't', partition: i % 3, offset: i, metadata: null }]);
    expect(readFileSync(path, 'utf8').trim().split('\n').length).toBeLessThanOrEqual(107);
    store.commit('g', [{ topic: 't', partition: 0, offset: 5000, metadata: 'last' }]);
    store.close();
    const reopened = new FileOffsetStore(path);
    expect([0, 1, 2].map((p) => reopened.get('g', 't', p)?.offset)).toEqual([5000, 997, 998]);
    reopened.close();
  });
});
