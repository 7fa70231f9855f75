import { PerKeyQueue, QueueFullError } from './per-key.queue';

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

describe('per-key queue', () => {
  it('runs one job per key at a time, in arrival order, and other keys meanwhile', async () => {
    const queue = new PerKeyQueue(10);
    const order: string[] = [];
    const gate = deferred();
    const first = queue.run('a', async () => (await gate.promise, order.push('a1')));
    const second = queue.run('a', async () => void order.push('a2'));
    await queue.run('b', async () => void order.push('b1'));
    expect(order).toEqual(['b1']); // a2 waits behind a1
    gate.resolve();
    await Promise.all([first, second]);
    expect(order).toEqual(['b1', 'a1', 'a2']);
    expect(queue.size).toBe(0);
  });

  it('refuses work beyond its bound per key, and a failing job does not block the next', async () => {
    const queue = new PerKeyQueue(2);
    const gate = deferred();
    const failing = queue.run('a', async () => {
      await gate.promise;
      throw new Error('boom');
    });
    const next = queue.run('a', async () => 'after');
    await expect(queue.run('a', async () => 'refused')).rejects.toBeInstanceOf(QueueFullError);
    gate.resolve();
    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toBe('after');
    await expect(queue.run('a', async () => 'again')).resolves.toBe('again');
  });
});
