export declare const frontDoorVariables: {
    readonly RATE_LIMIT_ADDRESS_BURST: {
        readonly type: "int";
        readonly default: 200;
        readonly min: 1;
        readonly description: "requests one client address may send at once";
    };
    readonly RATE_LIMIT_ADDRESS_PER_SECOND: {
        readonly type: "int";
        readonly default: 50;
        readonly min: 1;
        readonly description: "steady requests per second per client address";
    };
    readonly RATE_LIMIT_TOKEN_BURST: {
        readonly type: "int";
        readonly default: 100;
        readonly min: 1;
        readonly description: "requests one bearer token subject may send at once";
    };
    readonly RATE_LIMIT_TOKEN_PER_SECOND: {
        readonly type: "int";
        readonly default: 20;
        readonly min: 1;
        readonly description: "steady requests per second per bearer token subject";
    };
};
