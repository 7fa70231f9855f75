"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.bySpecificity = bySpecificity;
/**
 * Express tries routes in registration order, so /v1/authorizations/purposes must come before
 * /v1/authorizations/:id. Orders routes so that, segment by segment, a literal beats a parameter and a
 * parameter beats a splat; otherwise the table's order is kept.
 */
function bySpecificity(routes) {
    const rank = (segment) => (segment === undefined ? -1 : segment.startsWith('*') ? 2 : segment.startsWith(':') ? 1 : 0);
    return routes
        .map((route, index) => ({ route, index, segments: route.path.split('/') }))
        .sort((a, b) => {
        for (let i = 0; i < Math.max(a.segments.length, b.segments.length); i++) {
            const [sa, sb] = [a.segments[i], b.segments[i]];
            if (sa === sb)
                continue;
            const diff = rank(sa) - rank(sb);
            if (diff !== 0)
                return diff;
            break;
        }
        return a.index - b.index;
    })
        .map((r) => r.route);
}
//# sourceMappingURL=route.specificity.js.map