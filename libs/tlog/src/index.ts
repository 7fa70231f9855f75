// @cfc/tlog: the audit log's transparency-log core (RFC 9162 Merkle tree, JCS, checkpoints, C2SP formats,
// replay verification). Pure: no framework, database or broker; callers bring storage and streams.
export * from './merkle/hashing';
export * from './merkle/tree-math';
export * from './merkle/node-reader';
export * from './merkle/compact-range';
export * from './merkle/proofs';
export * from './merkle/verify';
export * from './jcs/jcs';
export * from './keys/base64';
export * from './keys/ed25519';
export * from './checkpoint/json-checkpoint';
export * from './note/signed-note';
export * from './note/tlog-checkpoint';
export * from './tiles/tile-path';
export * from './tiles/tile-geometry';
export * from './tiles/tile-cutter';
export * from './tiles/tile-reader';
export * from './tiles/entry-bundle';
export * from './proof-text/tlog-proof';
export * from './verifier/replay-problems';
export * from './verifier/entry-check';
export type { EntrySource } from './verifier/entry-checks';
export * from './verifier/replay-verifier';
