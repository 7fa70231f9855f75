export interface MetadataRequest {
  /** null = all topics, [] = none. */
  readonly topics: string[] | null;
  readonly allowAutoTopicCreation: boolean;
}

export interface MetadataBroker {
  readonly nodeId: number;
  readonly host: string;
  readonly port: number;
}

export interface MetadataPartition {
  readonly errorCode: number;
  readonly partition: number;
  readonly leader: number;
  readonly replicas: number[];
  readonly isr: number[];
}

export interface MetadataTopic {
  readonly errorCode: number;
  readonly name: string;
  readonly partitions: MetadataPartition[];
}

export interface MetadataResponse {
  readonly brokers: MetadataBroker[];
  readonly clusterId: string;
  readonly controllerId: number;
  readonly topics: MetadataTopic[];
}
