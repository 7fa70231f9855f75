"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RouteForwarder = void 0;
const node_stream_1 = require("node:stream");
const class_transformer_1 = require("class-transformer");
const platform_1 = require("@cfc/platform");
const front_door_middleware_1 = require("../front-door/front-door.middleware");
const DEFAULT_PARAM = /^[A-Za-z0-9._-]{1,100}$/;
const PASSED_RESPONSE_HEADERS = ['content-type', 'retry-after', 'location', 'cache-control', 'etag', 'last-modified', 'content-disposition'];
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);
/** Forwards one public request to its owning service: validated shapes in, the service's answer out, streamed. */
class RouteForwarder {
    internal;
    constructor(internal) {
        this.internal = internal;
    }
    async forward(route, req, res) {
        const upstream = await this.internal.request(route.upstream, {
            method: route.method,
            path: upstreamPath(route, req),
            body: BODY_METHODS.has(route.method) ? requestBody(route, req.body) : undefined,
            onBehalf: { principal: req.principal && { kind: req.principal.kind, id: req.principal.id }, clientAddress: (0, front_door_middleware_1.clientAddress)(req) },
            requestId: req.id === undefined ? undefined : String(req.id),
            headers: passedHeaders(route, req),
        });
        res.status(upstream.status);
        for (const name of PASSED_RESPONSE_HEADERS) {
            const value = upstream.headers.get(name);
            if (value !== null)
                res.setHeader(name, value);
        }
        if (!upstream.body)
            return res.end();
        const body = node_stream_1.Readable.fromWeb(upstream.body);
        await new Promise((resolve) => {
            body.on('error', (error) => {
                res.destroy(error); // mid-stream failure: cut the response rather than end it as if complete
                resolve();
            });
            body.on('end', resolve);
            res.on('close', () => {
                body.destroy();
                resolve();
            });
            body.pipe(res);
        });
    }
}
exports.RouteForwarder = RouteForwarder;
function upstreamPath(route, req) {
    const path = (route.upstreamPath ?? route.path).replace(/([:*])(\w+)/g, (_all, kind, name) => {
        const raw = req.params[name];
        const value = Array.isArray(raw) ? raw.join('/') : raw;
        const format = route.params?.[name] ?? DEFAULT_PARAM;
        if (typeof value !== 'string' || !format.test(value))
            throw new platform_1.ProblemException(404, 'NOT_FOUND', 'Not Found', 'no such resource');
        return kind === '*' ? value.split('/').map(encodeURIComponent).join('/') : encodeURIComponent(value);
    });
    if (!route.query)
        return path;
    const query = (0, class_transformer_1.instanceToPlain)((0, platform_1.validateDto)(route.query, req.query, 'query'));
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(query))
        if (value !== undefined && value !== null)
            search.set(key, String(value));
    const text = search.toString();
    return text ? `${path}?${text}` : path;
}
function requestBody(route, body) {
    if (!route.body)
        return {};
    return (0, class_transformer_1.instanceToPlain)((0, platform_1.validateDto)(route.body, body ?? {}));
}
function passedHeaders(route, req) {
    const headers = {};
    const accept = req.headers.accept;
    if (typeof accept === 'string')
        headers.accept = accept;
    const authorization = req.headers.authorization;
    if (route.passAuthorization && typeof authorization === 'string')
        headers.authorization = authorization;
    return headers;
}
//# sourceMappingURL=route.forwarder.js.map