/**
 * The renderer's Content-Security-Policy, sent as a header by both shells (Electron's app:// protocol
 * and the browser shell): our own code and images only, nothing from the internet, no plugins,
 * frames or forms posting elsewhere.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
