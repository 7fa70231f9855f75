import { createServer, type Server } from 'node:net';
import type { BrokerContext } from '../broker.context';
import { Connection } from './connection';

/** The TCP side: accepts connections and gives each its own Connection. */
export class BrokerServer {
  private readonly server: Server;
  private readonly connections = new Set<Connection>();
  private nextId = 1;
  private context: BrokerContext | undefined;

  constructor(private readonly log: BrokerContext['log']) {
    this.server = createServer((socket) => {
      if (!this.context) return socket.destroy();
      const connection = new Connection(this.nextId++, socket, this.context);
      this.connections.add(connection);
      connection.onClose(() => this.connections.delete(connection));
    });
    this.server.on('error', (e) => this.log('error', 'listener error', { error: e.message }));
  }

  /** Binds, then asks for the context (which needs the bound port) before accepting traffic. */
  listen(host: string, port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen({ host, port, backlog: 1024 }, () => {
        this.server.off('error', reject);
        resolve((this.server.address() as { port: number }).port);
      });
    });
  }

  serve(context: BrokerContext): void {
    this.context = context;
  }

  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const c of this.connections) c.destroy();
    await closed;
  }
}
