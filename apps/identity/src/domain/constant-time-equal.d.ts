/** True when both strings are equal; the time taken depends only on their lengths. */
export declare function constantTimeEqual(a: string, b: string): boolean;
