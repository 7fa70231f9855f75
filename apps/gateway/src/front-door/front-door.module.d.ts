/** Authentication, authorisation and rate limits for every gateway route. */
export declare class FrontDoorModule {
}
