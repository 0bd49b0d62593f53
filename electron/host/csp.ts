/**
 * The Content-Security-Policy for the renderer, sent as a header by both transports
 * (a header, not a <meta>, because frame-ancestors only works there). Only the app's own
 * files may run: no inline scripts, no eval, no remote code. Images may be data:/blob:
 * URLs because barcode and QR previews are drawn into them. connect-src 'self' lets the
 * page reach the loopback API, which is on the same origin.
 */
export const RENDERER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers sent with every renderer file, whichever transport serves it. */
export const RENDERER_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': RENDERER_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'x-frame-options': 'DENY',
};
