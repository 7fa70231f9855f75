import { join } from 'node:path';
import { runPeer, type PeerAuth, type PeerCommand } from '../peer.process';

// ESM only, so it runs as its own Node process, with the one Node 22 API it needs polyfilled.
const PLATFORMATIC: PeerCommand = {
  argv: [process.execPath, '--import', join(__dirname, 'node20.polyfill.mjs'), join(__dirname, 'peer.mjs')],
  install: '@platformatic/kafka is a devDependency: npm install',
};

export const runPlatformaticPeer = (auth: PeerAuth, args: string[]) => runPeer(PLATFORMATIC, auth, args);
