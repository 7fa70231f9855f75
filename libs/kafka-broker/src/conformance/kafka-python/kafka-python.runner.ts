import { join } from 'node:path';
import { runPeer, startPeer, type PeerAuth, type PeerCommand } from '../peer.process';

/** Debian's python3 with python3-kafka (kafka-python 2.0.2); CI installs it (.ci/run), so missing is a failure. */
const PYTHON = process.env.PYTHON ?? '/usr/bin/python3';
const KAFKA_PYTHON: PeerCommand = { argv: [PYTHON, join(__dirname, 'peer.py')], install: 'apt-get install python3-kafka' };

export type { PeerAuth as PythonPeerAuth } from '../peer.process';
export const runPythonPeer = (auth: PeerAuth, args: string[]) => runPeer(KAFKA_PYTHON, auth, args);
export const startPythonPeer = (auth: PeerAuth, args: string[]) => startPeer(KAFKA_PYTHON, auth, args);
