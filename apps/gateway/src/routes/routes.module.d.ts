/** The public API: the route table's controller, plus the session routes. */
export declare class RoutesModule {
}
