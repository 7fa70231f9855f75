/** The identity service's own controllers, consumers and use cases are registered here. */
export declare class IdentityModule {
}
