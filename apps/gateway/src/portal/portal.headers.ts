// The portal's response headers. The Content-Security-Policy allows scripts, styles, images, fonts and API
// calls from this origin only: no inline script or style anywhere (Vite emits files; the chart draws on a
// canvas), no framing, no plugins, no <base> rewriting, and forms post only here.
export const PORTAL_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

export const PORTAL_SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': PORTAL_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};

/** Vite names every file under assets/ by its content hash: a changed file is a new name, so cache forever. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html and the other unhashed files: always revalidate, so a new build is picked up at once. */
export const REVALIDATE = 'no-cache';
