/** The gateway: the front door (authentication, limits) and the public routes it forwards. */
export declare class GatewayModule {
}
