export interface FetchPartitionRequest {
  readonly partition: number;
  readonly fetchOffset: number;
  readonly partitionMaxBytes: number;
}

export interface FetchRequest {
  readonly maxWaitMs: number;
  readonly minBytes: number;
  readonly maxBytes: number;
  readonly isolationLevel: number;
  readonly sessionId: number;
  readonly sessionEpoch: number;
  readonly topics: ReadonlyArray<{ readonly topic: string; readonly partitions: FetchPartitionRequest[] }>;
}

export interface FetchPartitionResponse {
  readonly partition: number;
  readonly errorCode: number;
  readonly highWatermark: number;
  readonly lastStableOffset: number;
  readonly logStartOffset: number;
  readonly records: Buffer | null;
}

export interface FetchResponse {
  readonly errorCode: number;
  readonly sessionId: number;
  readonly topics: ReadonlyArray<{ readonly topic: string; readonly partitions: FetchPartitionResponse[] }>;
}
