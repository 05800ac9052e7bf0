import type { RequestHandler } from 'express';

/**
 * A strict Content-Security-Policy and the usual hardening headers: no inline scripts, nothing
 * remote, no framing, no referrer, no shared caching of private pages.
 */
export function securityHeaders(): RequestHandler {
  return (req, res, next) => {
    res.setHeader(
      'Content-Security-Policy',
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
    );
    res.setHeader('X-Content-Type-Options', 'nosniff');
    // same-origin, not no-referrer: under no-referrer browsers send "Origin: null" with every form
    // POST, which the CSRF check must refuse as cross-site. Other sites still get no referrer.
    res.setHeader('Referrer-Policy', 'same-origin');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    // Reports and data are private to their readers: no shared cache may keep them. Pages revalidate
    // with their ETag; API answers (which may carry a new token) are never stored. Static files
    // replace this with their own max-age.
    res.setHeader('Cache-Control', req.path.startsWith('/api/') ? 'no-store' : 'private, no-cache');
    next();
  };
}
