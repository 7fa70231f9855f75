import { GroupError } from './group.errors';
import { joinInput, removeTestDirs, testCoordinator } from './group.test-kit';

const entry = (topic: string, partition: number, offset: number, metadata: string | null = null) => ({
  topic,
  partition,
  offset,
  metadata,
});

describe('group coordinator: committed offsets', () => {
  afterAll(removeTestDirs);

  it('stores -1/-2 as given, answers -1 where nothing is committed, null topics = all', () => {
    const { coordinator } = testCoordinator();
    expect(coordinator.commitOffsets('g', '', -1, [entry('t', 0, 42, 'm'), entry('t', 1, -1), entry('u', 0, -2)])).toBe(0);
    expect(coordinator.fetchOffsets('g', [{ topic: 't', partitions: [0, 1, 2] }])).toEqual([
      {
        topic: 't',
        partitions: [
          { partition: 0, offset: 42, metadata: 'm' },
          { partition: 1, offset: -1, metadata: null },
          { partition: 2, offset: -1, metadata: null },
        ],
      },
    ]);
    expect(coordinator.fetchOffsets('g', null)).toEqual([
      { topic: 't', partitions: [expect.objectContaining({ partition: 0, offset: 42 }), expect.objectContaining({ partition: 1, offset: -1 })] },
      { topic: 'u', partitions: [{ partition: 0, offset: -2, metadata: null }] },
    ]);
    expect(coordinator.fetchOffsets('other', null)).toEqual([]);
    expect(coordinator.listGroups()).toEqual([{ groupId: 'g', protocolType: '' }]);
  });

  it('survives a restart: offsets are replayed from the file and the group is listed', () => {
    const first = testCoordinator();
    first.coordinator.commitOffsets('g', '', -1, [entry('t', 0, 5)]);
    first.coordinator.commitOffsets('g', '', -1, [entry('t', 0, 9, 'later')]);
    first.coordinator.close();
    const second = testCoordinator(first.dir);
    expect(second.coordinator.fetchOffsets('g', [{ topic: 't', partitions: [0] }])[0].partitions[0]).toEqual({
      partition: 0,
      offset: 9,
      metadata: 'later',
    });
    expect(second.coordinator.describeGroup('g')).toMatchObject({ state: 'Empty', members: [] });
  });

  it('remembers a group\'s protocol type across a restart, as Kafka does, until the group is deleted', async () => {
    const first = testCoordinator();
    const joined = await first.coordinator.joinGroup(joinInput({ groupId: 'typed' }));
    expect(joined.errorCode).toBe(0);
    first.coordinator.close();
    const second = testCoordinator(first.dir);
    expect(second.coordinator.listGroups()).toEqual([{ groupId: 'typed', protocolType: 'consumer' }]);
    expect(second.coordinator.deleteGroup('typed')).toBe(GroupError.NONE);
    second.coordinator.close();
    expect(testCoordinator(first.dir).coordinator.listGroups()).toEqual([]);
  });

  it('a member commits with its generation; wrong generation, unknown member and completing rebalance are refused', async () => {
    const { coordinator } = testCoordinator();
    expect(coordinator.commitOffsets('new', 'm', 3, [entry('t', 0, 1)])).toBe(GroupError.ILLEGAL_GENERATION);
    const a = await coordinator.joinGroup(joinInput({ clientId: 'a' }));
    expect(coordinator.commitOffsets('g', a.memberId, 1, [entry('t', 0, 1)])).toBe(GroupError.REBALANCE_IN_PROGRESS);
    await coordinator.syncGroup({ groupId: 'g', generationId: 1, memberId: a.memberId, assignments: [] });
    expect(coordinator.commitOffsets('g', a.memberId, 0, [entry('t', 0, 1)])).toBe(GroupError.ILLEGAL_GENERATION);
    expect(coordinator.commitOffsets('g', 'x', 1, [entry('t', 0, 1)])).toBe(GroupError.UNKNOWN_MEMBER_ID);
    expect(coordinator.commitOffsets('g', '', -1, [entry('t', 0, 1)])).toBe(GroupError.UNKNOWN_MEMBER_ID);
    expect(coordinator.commitOffsets('g', a.memberId, 1, [entry('t', 0, 7)])).toBe(0);
    expect(coordinator.fetchOffsets('g', [{ topic: 't', partitions: [0] }])[0].partitions[0].offset).toBe(7);
  });

  it('deletes only empty groups, with their offsets', async () => {
    const { coordinator } = testCoordinator();
    coordinator.commitOffsets('offsets-only', '', -1, [entry('t', 0, 3)]);
    await coordinator.joinGroup(joinInput({ groupId: 'busy' }));
    expect(coordinator.deleteGroup('busy')).toBe(GroupError.NON_EMPTY_GROUP);
    expect(coordinator.deleteGroup('missing')).toBe(GroupError.GROUP_ID_NOT_FOUND);
    expect(coordinator.deleteGroup('offsets-only')).toBe(GroupError.NONE);
    expect(coordinator.fetchOffsets('offsets-only', null)).toEqual([]);
    expect(coordinator.describeGroup('offsets-only')).toMatchObject({ state: 'Dead', errorCode: 0 });
    expect(coordinator.listGroups().map((g) => g.groupId)).toEqual(['busy']);
  });
});
