export interface ProducePartitionData {
  readonly partition: number;
  readonly records: Buffer | null;
}

export interface ProduceRequest {
  readonly transactionalId: string | null;
  readonly acks: number;
  readonly timeoutMs: number;
  readonly topics: ReadonlyArray<{ readonly name: string; readonly partitions: ProducePartitionData[] }>;
}

export interface ProducePartitionResponse {
  readonly partition: number;
  readonly errorCode: number;
  readonly baseOffset: number;
  readonly logAppendTimeMs: number;
  readonly logStartOffset: number;
}

export interface ProduceResponse {
  readonly topics: ReadonlyArray<{ readonly name: string; readonly partitions: ProducePartitionResponse[] }>;
}
