import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planFromEnv } from './launcher.config';
import { startSimulator } from './simulator.child';

describe('starting the provider simulator', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cfc-launcher-sim-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('starts nothing when CFC_SIMULATOR=off, or without a demo data set to act from', () => {
    const off = startSimulator(planFromEnv({ CFC_SIMULATOR: 'off', CFC_DATA_DIR: dir }, '/repo'), '127.0.0.1:9092', join(dir, 'demo.json'));
    expect(off).toEqual({ status: { on: false, why: 'switched-off' } });
    const noDemo = startSimulator(planFromEnv({ CFC_DATA_DIR: dir }, '/repo'), '127.0.0.1:9092', join(dir, 'demo.json'));
    expect(noDemo).toEqual({ status: { on: false, why: 'no-demo-data' } });
  });
});
