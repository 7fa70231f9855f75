import { GroupError } from './group.errors';
import { joinInput, removeTestDirs, settle, testCoordinator, track } from './group.test-kit';

/** Two members a (leader) and b in a Stable generation 2 with assignments A and B. */
async function stableGroupOfTwo() {
  const kit = testCoordinator();
  const { coordinator } = kit;
  const first = await coordinator.joinGroup(joinInput({ clientId: 'a' }));
  await coordinator.syncGroup({ groupId: 'g', generationId: 1, memberId: first.memberId, assignments: [] });
  // b's join starts the rebalance; a's rejoin completes it.
  const [b, a] = await Promise.all([
    coordinator.joinGroup(joinInput({ clientId: 'b' })),
    coordinator.joinGroup(joinInput({ memberId: first.memberId })),
  ]);
  const assignments = [
    { memberId: a.memberId, assignment: Buffer.from([1, 2, 3]) },
    { memberId: b.memberId, assignment: Buffer.from([4, 5]) },
  ];
  await Promise.all([
    coordinator.syncGroup({ groupId: 'g', generationId: 2, memberId: a.memberId, assignments }),
    coordinator.syncGroup({ groupId: 'g', generationId: 2, memberId: b.memberId, assignments: [] }),
  ]);
  return { ...kit, a: a.memberId, b: b.memberId };
}

describe('group coordinator: sync, heartbeat, leave, session timeouts', () => {
  afterAll(removeTestDirs);

  it('followers wait for the leader, then receive its assignment bytes verbatim', async () => {
    const { coordinator } = testCoordinator();
    const first = await coordinator.joinGroup(joinInput({ clientId: 'a' }));
    await coordinator.syncGroup({ groupId: 'g', generationId: 1, memberId: first.memberId, assignments: [] });
    const [b, a] = await Promise.all([
      coordinator.joinGroup(joinInput({ clientId: 'b' })),
      coordinator.joinGroup(joinInput({ memberId: first.memberId })),
    ]);
    const follower = track(coordinator.syncGroup({ groupId: 'g', generationId: 2, memberId: b.memberId, assignments: [] }));
    await settle();
    expect(follower.done()).toBe(false);
    expect(coordinator.heartbeat('g', b.memberId, 2)).toBe(GroupError.NONE);
    const leader = await coordinator.syncGroup({
      groupId: 'g',
      generationId: 2,
      memberId: a.memberId,
      assignments: [{ memberId: b.memberId, assignment: Buffer.from([9, 0, 9]) }],
    });
    await settle();
    expect(leader).toEqual({ errorCode: 0, assignment: Buffer.alloc(0) });
    expect(follower.value()).toEqual({ errorCode: 0, assignment: Buffer.from([9, 0, 9]) });
    const described = coordinator.describeGroup('g');
    expect(described).toMatchObject({ state: 'Stable', protocolType: 'consumer', protocolName: 'range' });
    expect(described.members.map((m) => [m.memberId, m.clientId, m.assignment])).toEqual([
      [a.memberId, 'a', Buffer.alloc(0)],
      [b.memberId, 'b', Buffer.from([9, 0, 9])],
    ]);
  });

  it('checks generation and member on sync and heartbeat', async () => {
    const { coordinator, a } = await stableGroupOfTwo();
    expect((await coordinator.syncGroup({ groupId: 'g', generationId: 1, memberId: a, assignments: [] })).errorCode).toBe(
      GroupError.ILLEGAL_GENERATION,
    );
    expect((await coordinator.syncGroup({ groupId: 'g', generationId: 2, memberId: 'x', assignments: [] })).errorCode).toBe(
      GroupError.UNKNOWN_MEMBER_ID,
    );
    expect(coordinator.heartbeat('g', a, 1)).toBe(GroupError.ILLEGAL_GENERATION);
    expect(coordinator.heartbeat('g', 'x', 2)).toBe(GroupError.UNKNOWN_MEMBER_ID);
    expect(coordinator.heartbeat('nope', a, 2)).toBe(GroupError.UNKNOWN_MEMBER_ID);
    expect(coordinator.heartbeat('g', a, 2)).toBe(GroupError.NONE);
    const late = await coordinator.syncGroup({ groupId: 'g', generationId: 2, memberId: a, assignments: [] });
    expect(late).toEqual({ errorCode: 0, assignment: Buffer.from([1, 2, 3]) });
  });

  it('a leaving member triggers a rebalance that the others learn of by heartbeat', async () => {
    const { coordinator, a, b } = await stableGroupOfTwo();
    expect(coordinator.leaveGroup('g', b)).toBe(GroupError.NONE);
    expect(coordinator.leaveGroup('g', b)).toBe(GroupError.UNKNOWN_MEMBER_ID);
    expect(coordinator.heartbeat('g', a, 2)).toBe(GroupError.REBALANCE_IN_PROGRESS);
    expect((await coordinator.syncGroup({ groupId: 'g', generationId: 2, memberId: a, assignments: [] })).errorCode).toBe(
      GroupError.REBALANCE_IN_PROGRESS,
    );
    const rejoined = await coordinator.joinGroup(joinInput({ memberId: a }));
    expect(rejoined).toMatchObject({ errorCode: 0, generationId: 3, leader: a });
  });

  it('the last member leaving empties the group', async () => {
    const { coordinator, a, b } = await stableGroupOfTwo();
    coordinator.leaveGroup('g', a);
    coordinator.leaveGroup('g', b);
    expect(coordinator.describeGroup('g')).toMatchObject({ state: 'Empty', members: [] });
  });

  it('a silent member is evicted after its session timeout and leadership moves on', async () => {
    const { coordinator, clock, a, b } = await stableGroupOfTwo();
    clock.advance(600);
    expect(coordinator.heartbeat('g', b, 2)).toBe(GroupError.NONE);
    clock.advance(600); // a has been silent for 1200 ms > 1000 ms
    expect(coordinator.heartbeat('g', a, 2)).toBe(GroupError.UNKNOWN_MEMBER_ID);
    expect(coordinator.heartbeat('g', b, 2)).toBe(GroupError.REBALANCE_IN_PROGRESS);
    const rejoined = await coordinator.joinGroup(joinInput({ memberId: b }));
    expect(rejoined).toMatchObject({ generationId: 3, leader: b });
  });

  it('heartbeats keep a member alive for many session timeouts', async () => {
    const { coordinator, clock, a, b } = await stableGroupOfTwo();
    for (let i = 0; i < 20; i++) {
      clock.advance(500);
      expect(coordinator.heartbeat('g', a, 2)).toBe(GroupError.NONE);
      expect(coordinator.heartbeat('g', b, 2)).toBe(GroupError.NONE);
    }
    expect(coordinator.describeGroup('g').state).toBe('Stable');
  });

  it('a member waiting in JoinGroup is not evicted by its session timeout', async () => {
    const { coordinator, clock, a, b } = await stableGroupOfTwo();
    coordinator.leaveGroup('g', b);
    const c = track(coordinator.joinGroup(joinInput({ clientId: 'c', sessionTimeoutMs: 1000, rebalanceTimeoutMs: 5000 })));
    clock.advance(900);
    const aJoin = track(coordinator.joinGroup(joinInput({ memberId: a, rebalanceTimeoutMs: 5000 })));
    await settle();
    expect(c.done() && aJoin.done()).toBe(true);
    expect(aJoin.value().members.map((m) => m.memberId).sort()).toEqual([a, c.value().memberId].sort());
  });

  it('a new join during CompletingRebalance fails pending syncs with 27', async () => {
    const { coordinator } = testCoordinator();
    const a = await coordinator.joinGroup(joinInput({ clientId: 'a' }));
    const aSync = track(coordinator.syncGroup({ groupId: 'g', generationId: 1, memberId: a.memberId, assignments: [] }));
    // a is the leader and its sync completes immediately; use a second member to hold one.
    await settle();
    expect(aSync.value().errorCode).toBe(0);
    const [b, a2] = await Promise.all([
      coordinator.joinGroup(joinInput({ clientId: 'b' })),
      coordinator.joinGroup(joinInput({ memberId: a.memberId })),
    ]);
    const bSync = track(coordinator.syncGroup({ groupId: 'g', generationId: 2, memberId: b.memberId, assignments: [] }));
    const c = track(coordinator.joinGroup(joinInput({ clientId: 'c' })));
    await settle();
    expect(bSync.value().errorCode).toBe(GroupError.REBALANCE_IN_PROGRESS);
    expect(c.done()).toBe(false);
    expect(a2.generationId).toBe(2);
  });
});
