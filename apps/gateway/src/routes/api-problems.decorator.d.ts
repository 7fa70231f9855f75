/** Documents problem responses (RFC 9457) with examples; pass [status, code, detail] triples. */
export declare function ApiProblems(...problems: [number, string, string][]): <TFunction extends Function, Y>(target: TFunction | object, propertyKey?: string | symbol, descriptor?: TypedPropertyDescriptor<Y>) => void;
