export interface Bucket {
    tokens: number;
    updatedAt: number;
}
export interface BucketDecision {
    allowed: boolean;
    bucket: Bucket;
    /** Seconds until one request would be allowed (0 when allowed). */
    retryAfterSeconds: number;
}
/** Takes one token from the bucket if it has one, after refilling for the time passed (ms). */
export declare function takeToken(bucket: Bucket | undefined, now: number, capacity: number, perSecond: number): BucketDecision;
