import { createHash, createHmac, randomBytes } from 'node:crypto';
import { watch, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { BrokerLog } from '../broker.context';
import { parseAuthFile, type AuthConfig } from './auth.file';
import { Authorizer } from './authorizer';
import { MIN_SCRAM_ITERATIONS, type ScramCredential } from './scram';

const RELOAD_DEBOUNCE_MS = 50;

/**
 * The auth file as last read: credentials and the authorizer. Watches the file's folder (editors and
 * the launcher replace files by rename) and reloads on change; a file that does not parse or validate
 * leaves the previous one in force, with a log line saying why.
 */
export class AuthStore {
  private watcher?: FSWatcher;
  private timer?: NodeJS.Timeout;
  private reloading = Promise.resolve();
  private readonly decoyKey = randomBytes(32);

  private constructor(
    readonly path: string,
    private config: AuthConfig,
    private digest: string,
    private current: Authorizer,
    private readonly log: BrokerLog,
  ) {}

  /** Reads the file once; a missing or invalid file fails the broker's start. */
  static async open(path: string, log: BrokerLog): Promise<AuthStore> {
    const text = await readFile(path, 'utf8').catch((e: Error) => {
      throw new Error(`cannot read auth file ${path}: ${e.message}`);
    });
    let config: AuthConfig;
    try {
      config = parseAuthFile(text);
    } catch (e) {
      throw new Error(`auth file ${path} is invalid: ${(e as Error).message}`);
    }
    log('info', 'auth file loaded', { path, users: config.users.size, acls: config.acls.length, superUsers: config.superUsers.size });
    return new AuthStore(path, config, digestOf(text), authorizerOf(config), log);
  }

  get authorizer(): Authorizer {
    return this.current;
  }

  credential(username: string): ScramCredential | undefined {
    return this.config.users.get(username);
  }

  /** A stable made-up credential for an unknown user, so that SCRAM does not tell which users exist. */
  decoyCredential(username: string): ScramCredential {
    const derive = (label: string) => createHmac('sha256', this.decoyKey).update(`${label}\u0000${username}`).digest();
    return { salt: derive('salt').subarray(0, 24), iterations: MIN_SCRAM_ITERATIONS, storedKey: derive('stored'), serverKey: derive('server') };
  }

  /** Starts watching for changes. */
  watch(): void {
    const file = basename(this.path);
    this.watcher = watch(dirname(this.path), (_event, name) => {
      if (name !== null && name !== file) return;
      clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.reload(), RELOAD_DEBOUNCE_MS);
    });
    this.watcher.on('error', (e) => this.log('error', 'auth file watch failed; changes will not be seen', { path: this.path, error: e.message }));
  }

  /** Re-reads the file; resolves true when a new valid version was taken. */
  reload(): Promise<boolean> {
    const run = this.reloading.then(() => this.reloadNow());
    this.reloading = run.then(() => undefined);
    return run;
  }

  close(): void {
    clearTimeout(this.timer);
    this.watcher?.close();
  }

  private async reloadNow(): Promise<boolean> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (e) {
      this.log('error', 'auth file unreadable; keeping the previous version', { path: this.path, error: (e as Error).message });
      return false;
    }
    const digest = digestOf(text);
    if (digest === this.digest) return false;
    let config: AuthConfig;
    try {
      config = parseAuthFile(text);
    } catch (e) {
      this.log('error', 'auth file invalid; keeping the previous version', { path: this.path, error: (e as Error).message });
      return false;
    }
    this.config = config;
    this.digest = digest;
    this.current = authorizerOf(config);
    this.log('info', 'auth file reloaded', { path: this.path, users: config.users.size, acls: config.acls.length, superUsers: config.superUsers.size });
    return true;
  }
}

function authorizerOf(config: AuthConfig): Authorizer {
  return new Authorizer(config.acls, config.superUsers);
}

function digestOf(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
