import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeClock } from './fake.clock';
import { FileOffsetStore } from './file.offset-store';
import { GroupCoordinator } from './group.coordinator';
import type { GroupProtocol, JoinGroupInput } from './group.types';

const testDirs: string[] = [];

/** Removes the offset directories testCoordinator made; for afterAll. */
export function removeTestDirs(): void {
  for (const dir of testDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cfc-groups-'));
  testDirs.push(dir);
  return dir;
}

/** A coordinator on a fake clock and a fresh offset file (call removeTestDirs after), with predictable member ids; for unit tests. */
export function testCoordinator(dir = freshDir()) {
  const clock = new FakeClock();
  let next = 0;
  const store = new FileOffsetStore(join(dir, 'offsets.log'));
  const coordinator = new GroupCoordinator(store, clock, {}, (clientId) => `${clientId}-${++next}`);
  return { clock, coordinator, dir };
}

/** A protocol offer whose metadata is its own name, so tests can see which one the leader got. */
export function protocol(name: string, metadata = name): GroupProtocol {
  return { name, metadata: Buffer.from(metadata) };
}

/** A JoinGroup v5-like input: 1 s session, 2 s rebalance timeout. */
export function joinInput(overrides: Partial<JoinGroupInput> = {}): JoinGroupInput {
  return {
    groupId: 'g',
    memberId: '',
    groupInstanceId: null,
    clientId: 'c',
    clientHost: '/127.0.0.1',
    sessionTimeoutMs: 1000,
    rebalanceTimeoutMs: 2000,
    protocolType: 'consumer',
    protocols: [protocol('range')],
    requireKnownMemberId: false,
    ...overrides,
  };
}

/** Lets resolved promises run their continuations. */
export const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Tracks whether a promise has resolved yet, to assert that a reply is being held. */
export function track<T>(promise: Promise<T>): { done: () => boolean; value: () => T } {
  let result: { v: T } | null = null;
  void promise.then((v) => (result = { v }));
  return {
    done: () => result !== null,
    value: () => {
      if (!result) throw new Error('not resolved yet');
      return result.v;
    },
  };
}
