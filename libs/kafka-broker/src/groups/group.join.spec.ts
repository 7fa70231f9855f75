import { GroupError } from './group.errors';
import { joinInput, protocol, removeTestDirs, settle, testCoordinator, track } from './group.test-kit';

describe('group coordinator: joining', () => {
  afterAll(removeTestDirs);

  it('a first member becomes leader of generation 1 and sees its own metadata verbatim', async () => {
    const { coordinator } = testCoordinator();
    const meta = Buffer.from([0, 1, 0xff, 0x00, 7]);
    const res = await coordinator.joinGroup(joinInput({ protocols: [{ name: 'range', metadata: meta }] }));
    expect(res).toMatchObject({ errorCode: 0, generationId: 1, protocolName: 'range', memberId: 'c-1', leader: 'c-1' });
    expect(res.members).toEqual([{ memberId: 'c-1', groupInstanceId: null, metadata: meta }]);
    expect(coordinator.describeGroup('g').state).toBe('CompletingRebalance');
  });

  it('v4+: an unknown member gets MEMBER_ID_REQUIRED and an id, then joins with it', async () => {
    const { coordinator } = testCoordinator();
    const first = await coordinator.joinGroup(joinInput({ requireKnownMemberId: true, clientId: 'kafkajs' }));
    expect(first).toMatchObject({ errorCode: GroupError.MEMBER_ID_REQUIRED, memberId: 'kafkajs-1', generationId: -1 });
    expect(coordinator.describeGroup('g').members).toEqual([]);
    const second = await coordinator.joinGroup(joinInput({ requireKnownMemberId: true, memberId: 'kafkajs-1' }));
    expect(second).toMatchObject({ errorCode: 0, generationId: 1, memberId: 'kafkajs-1', leader: 'kafkajs-1' });
  });

  it('a handed-out id that never comes back expires after the session timeout', async () => {
    const { coordinator, clock } = testCoordinator();
    await coordinator.joinGroup(joinInput({ requireKnownMemberId: true }));
    clock.advance(1001);
    const late = await coordinator.joinGroup(joinInput({ requireKnownMemberId: true, memberId: 'c-1' }));
    expect(late.errorCode).toBe(GroupError.UNKNOWN_MEMBER_ID);
  });

  it('an unknown non-empty member id is refused', async () => {
    const { coordinator } = testCoordinator();
    const res = await coordinator.joinGroup(joinInput({ memberId: 'who' }));
    expect(res.errorCode).toBe(GroupError.UNKNOWN_MEMBER_ID);
  });

  it('holds the rebalance until every known member rejoins; only the leader gets the member list', async () => {
    const { coordinator } = testCoordinator();
    const a = await coordinator.joinGroup(joinInput({ clientId: 'a' }));
    await coordinator.syncGroup({ groupId: 'g', generationId: 1, memberId: a.memberId, assignments: [] });
    const b = track(coordinator.joinGroup(joinInput({ clientId: 'b' })));
    await settle();
    expect(b.done()).toBe(false);
    expect(coordinator.heartbeat('g', a.memberId, 1)).toBe(GroupError.REBALANCE_IN_PROGRESS);
    const a2 = await coordinator.joinGroup(joinInput({ memberId: a.memberId }));
    await settle();
    expect(b.done()).toBe(true);
    expect(a2).toMatchObject({ errorCode: 0, generationId: 2, leader: a.memberId });
    expect(a2.members.map((m) => m.memberId)).toEqual([a.memberId, 'b-2']);
    expect(b.value()).toMatchObject({ errorCode: 0, generationId: 2, leader: a.memberId, members: [] });
  });

  it('drops members that do not rejoin within the rebalance timeout', async () => {
    const { coordinator, clock } = testCoordinator();
    const a = await coordinator.joinGroup(joinInput({ clientId: 'a', sessionTimeoutMs: 5000 }));
    await coordinator.syncGroup({ groupId: 'g', generationId: 1, memberId: a.memberId, assignments: [] });
    const b = track(coordinator.joinGroup(joinInput({ clientId: 'b', sessionTimeoutMs: 5000 })));
    clock.advance(1999);
    await settle();
    expect(b.done()).toBe(false);
    clock.advance(1);
    await settle();
    expect(b.value()).toMatchObject({ errorCode: 0, generationId: 2, leader: 'b-2' });
    expect(b.value().members.map((m) => m.memberId)).toEqual(['b-2']);
    expect((await coordinator.joinGroup(joinInput({ memberId: a.memberId }))).errorCode).toBe(
      GroupError.UNKNOWN_MEMBER_ID,
    );
  });

  it('selects the protocol all members support, by vote, across mixed assignor names', async () => {
    const { coordinator } = testCoordinator();
    const a = track(
      coordinator.joinGroup(joinInput({ clientId: 'a', protocols: [protocol('RoundRobinAssigner'), protocol('range')] })),
    );
    await settle();
    const b = coordinator.joinGroup(joinInput({ clientId: 'b', protocols: [protocol('roundrobin'), protocol('range')] }));
    // a was alone in generation 1 and must rejoin for generation 2.
    const a2 = coordinator.joinGroup(
      joinInput({ memberId: a.value().memberId, protocols: [protocol('RoundRobinAssigner'), protocol('range')] }),
    );
    const [rb, ra] = await Promise.all([b, a2]);
    expect(ra).toMatchObject({ generationId: 2, protocolName: 'range' });
    expect(rb.protocolName).toBe('range');
    expect(ra.members.map((m) => m.metadata.toString())).toEqual(['range', 'range']);
  });

  it('refuses a member that shares no protocol with the group (23) or has another protocol type', async () => {
    const { coordinator } = testCoordinator();
    await coordinator.joinGroup(joinInput({ protocols: [protocol('RoundRobinAssigner')] }));
    const other = await coordinator.joinGroup(joinInput({ protocols: [protocol('NestReplyPartitionAssigner')] }));
    expect(other.errorCode).toBe(GroupError.INCONSISTENT_GROUP_PROTOCOL);
    const typed = await coordinator.joinGroup(joinInput({ protocolType: 'connect', protocols: [protocol('RoundRobinAssigner')] }));
    expect(typed.errorCode).toBe(GroupError.INCONSISTENT_GROUP_PROTOCOL);
    expect((await coordinator.joinGroup(joinInput({ protocols: [] }))).errorCode).toBe(
      GroupError.INCONSISTENT_GROUP_PROTOCOL,
    );
  });

  it('refuses session timeouts outside the configured bounds', async () => {
    const { coordinator } = testCoordinator();
    const res = await coordinator.joinGroup(joinInput({ sessionTimeoutMs: 10 }));
    expect(res.errorCode).toBe(GroupError.INVALID_SESSION_TIMEOUT);
  });

  it('a follower rejoining a stable group unchanged gets the current generation at once', async () => {
    const { coordinator } = testCoordinator();
    const a = track(coordinator.joinGroup(joinInput({ clientId: 'a' })));
    await settle();
    await coordinator.syncGroup({ groupId: 'g', generationId: 1, memberId: a.value().memberId, assignments: [] });
    const [b, a2] = await Promise.all([
      coordinator.joinGroup(joinInput({ clientId: 'b' })),
      coordinator.joinGroup(joinInput({ memberId: a.value().memberId })),
    ]);
    const assignments = [
      { memberId: a2.memberId, assignment: Buffer.from('A') },
      { memberId: b.memberId, assignment: Buffer.from('B') },
    ];
    await Promise.all([
      coordinator.syncGroup({ groupId: 'g', generationId: 2, memberId: a2.memberId, assignments }),
      coordinator.syncGroup({ groupId: 'g', generationId: 2, memberId: b.memberId, assignments: [] }),
    ]);
    const again = await coordinator.joinGroup(joinInput({ memberId: b.memberId }));
    expect(again).toMatchObject({ errorCode: 0, generationId: 2, members: [] });
    expect(coordinator.describeGroup('g').state).toBe('Stable');
  });
});
