/**
 * csrfProtection({ multipartInRoute: true }) leaves multipart bodies to the one route that reads
 * them and checks their token (the import upload). Every other page form is urlencoded: a multipart
 * POST anywhere else would skip the CSRF check, so it is refused here (415).
 *
 * @example router.use(multipartOnlyAt(['/import']))
 */
import type { RequestHandler } from 'express';
import { UnsupportedMediaTypeError } from '../../errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function multipartOnlyAt(paths: readonly string[]): RequestHandler {
  return (req, _res, next) => {
    const multipart = req.is('multipart/form-data') === 'multipart/form-data';
    if (multipart && !SAFE_METHODS.has(req.method) && !paths.includes(req.path)) {
      throw new UnsupportedMediaTypeError('this form is sent as application/x-www-form-urlencoded');
    }
    next();
  };
}
