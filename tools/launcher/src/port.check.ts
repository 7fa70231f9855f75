import { createServer } from 'node:net';

/** Fails with a message naming the port, its user and the variable that moves it, when the port is taken. */
export async function assertPortFree(host: string, port: number, owner: string, variable: string): Promise<void> {
  const server = createServer();
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ host, port, exclusive: true }, resolve);
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EADDRINUSE' ? 'is already in use' : `cannot be opened (${code ?? (error as Error).message})`;
    throw new Error(`port ${port} on ${host} ${why}: it is needed for ${owner}; free it or set ${variable} to another port`);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
