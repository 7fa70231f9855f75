type Stop = () => Promise<unknown>;

export default async function globalTeardown(): Promise<void> {
  const stops = (globalThis as { __cfcTestStops?: Stop[] }).__cfcTestStops ?? [];
  for (const stop of stops.reverse()) await stop().catch(() => undefined);
}
