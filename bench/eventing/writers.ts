/** Runs `writers` loops until `until`, each calling `work(writer, n)`; returns how many calls completed. */
export async function runWriters(writers: number, until: number, work: (writer: number, n: number) => Promise<void>): Promise<number> {
  const counts = await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      let n = 0;
      while (Date.now() < until) await work(w, n++);
      return n;
    }),
  );
  return counts.reduce((a, b) => a + b, 0);
}

/** Like runWriters, but paced: together the writers issue `perSecond` calls, each on its own schedule. */
export async function runPacedWriters(writers: number, perSecond: number, seconds: number, work: (writer: number, n: number) => Promise<void>): Promise<number> {
  const start = Date.now() + 20;
  const intervalMs = (1000 * writers) / perSecond;
  const perWriter = Math.floor((perSecond * seconds) / writers);
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let n = 0; n < perWriter; n++) {
        const due = start + n * intervalMs + (w * intervalMs) / writers;
        const wait = due - Date.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        await work(w, n);
      }
    }),
  );
  return perWriter * writers;
}
