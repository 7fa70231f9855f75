import { WakeablePause } from './wakeable-pause';

const timed = async (run: () => Promise<void>) => {
  const started = Date.now();
  await run();
  return Date.now() - started;
};

describe('WakeablePause', () => {
  it('waits the time given when nothing wakes it', async () => {
    expect(await timed(() => new WakeablePause().wait(50))).toBeGreaterThanOrEqual(45);
  });

  it('ends at a wake, and a wake that came between pauses ends the next one at once, once', async () => {
    const pause = new WakeablePause();
    const waiting = timed(() => pause.wait(10_000));
    pause.wake();
    expect(await waiting).toBeLessThan(1000);
    pause.wake(); // while no pause runs
    expect(await timed(() => pause.wait(10_000))).toBeLessThan(1000);
    expect(await timed(() => pause.wait(50))).toBeGreaterThanOrEqual(45); // that wake is used up
  });

  it('ends every pause at once after stop, until resume', async () => {
    const pause = new WakeablePause();
    const waiting = timed(() => pause.wait(10_000));
    pause.stop();
    expect(await waiting).toBeLessThan(1000);
    expect(await timed(() => pause.wait(10_000))).toBeLessThan(1000);
    pause.resume();
    expect(await timed(() => pause.wait(50))).toBeGreaterThanOrEqual(45);
  });
});
