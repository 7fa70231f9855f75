interface RawResponse {
    statusCode: number;
    setHeader(name: string, value: string): void;
    end(body: string): void;
}
/** Writes an RFC 9457 problem from plain middleware (before Nest's exception filter is in play). */
export declare function sendProblem(res: RawResponse, status: number, code: string, detail: string, requestId: string, extensions?: Record<string, unknown>): void;
export {};
