/** Polls a service's /readyz until it answers 200; resolves false when the deadline passes. */
export async function waitReady(baseUrl: string, deadline: number, isAborted: () => boolean): Promise<boolean> {
  while (Date.now() < deadline && !isAborted()) {
    try {
      const res = await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.status === 200) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

/** The last /readyz answer of a service, for the message when it never became ready. */
export async function readinessDetail(baseUrl: string): Promise<string> {
  try {
    const res = await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(2000) });
    const body = (await res.json()) as { checks?: Record<string, string> };
    return JSON.stringify(body.checks ?? body);
  } catch (error) {
    return `not answering (${(error as Error).message})`;
  }
}
