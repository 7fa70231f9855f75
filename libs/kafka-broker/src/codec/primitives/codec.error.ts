/** Thrown when request bytes do not follow the grammar; the network layer closes the connection and logs why. */
export class CodecError extends Error {
  override readonly name = 'CodecError';
}
