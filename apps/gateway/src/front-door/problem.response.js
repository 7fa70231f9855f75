"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.sendProblem = sendProblem;
const platform_1 = require("@cfc/platform");
const TITLES = { 413: 'Content Too Large', 429: 'Too Many Requests' };
/** Writes an RFC 9457 problem from plain middleware (before Nest's exception filter is in play). */
function sendProblem(res, status, code, detail, requestId, extensions = {}) {
    const body = { type: `https://cfc.example/problems/${code.toLowerCase().replace(/_/g, '-')}`, title: TITLES[status] ?? 'Request Failed', status, code, detail, requestId, ...extensions };
    res.statusCode = status;
    res.setHeader('content-type', platform_1.PROBLEM_CONTENT_TYPE);
    res.end(JSON.stringify(body));
}
//# sourceMappingURL=problem.response.js.map