"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.identityRoutes = void 0;
const api_1 = require("@cfc/api");
/** Login and tokens: identity does the work. (Logout and session are in session.http.controller.ts.) */
exports.identityRoutes = [
    {
        method: 'POST',
        path: '/v1/subject/login/challenge',
        audiences: 'public',
        upstream: 'identity',
        tag: 'enterprises',
        summary: 'Start an enterprise login: checks the USCC and ID number, matches the registry, sends a one-time code by SMS',
        body: api_1.ChallengeRequestDto,
        response: api_1.ChallengeResponseDto,
        status: 200,
        problems: [[400, 'VALIDATION_FAILED', 'uscc: check character is wrong'], [401, 'LOGIN_FAILED', 'the enterprise could not be verified with these details'], [429, 'RATE_LIMITED', 'too many login challenges; try again later']],
    },
    {
        method: 'POST',
        path: '/v1/subject/login',
        audiences: 'public',
        upstream: 'identity',
        tag: 'enterprises',
        summary: 'Exchange the one-time code for a bearer token; the data account opens on the first login',
        body: api_1.LoginRequestDto,
        response: api_1.TokenResponseDto,
        status: 200,
        problems: [[401, 'LOGIN_CODE_REJECTED', 'the code is wrong'], [400, 'VALIDATION_FAILED', 'code: must be the 6-digit code']],
    },
    {
        method: 'POST',
        path: '/v1/oauth/token',
        audiences: 'public',
        upstream: 'identity',
        tag: 'institutions',
        summary: 'OAuth2 client credentials for lenders (role USER) and regulators',
        body: api_1.ClientCredentialsRequestDto,
        acceptsForm: true,
        passAuthorization: true,
        response: api_1.TokenResponseDto,
        status: 200,
        problems: [[401, 'INVALID_CLIENT', 'client authentication failed'], [400, 'UNSUPPORTED_GRANT_TYPE', 'grant_type must be client_credentials']],
    },
];
//# sourceMappingURL=identity.routes.js.map