// The little of Express's request and response the audit's streaming and byte routes use.
export interface RawResponse {
  status(code: number): RawResponse;
  setHeader(name: string, value: string): void;
  write(chunk: Buffer | string): boolean;
  end(chunk?: Buffer | string): void;
  once(event: 'drain' | 'close', listener: () => void): void;
  writableEnded: boolean;
  destroyed: boolean;
}

/** A decimal path or query number the DTO already checked for digits. */
export const int = (text: string | undefined, fallback: number): number => (text === undefined ? fallback : Number(text));
