/**
 * Where the login page may send a user afterwards: a path on this site only. The value is
 * normalised by the URL parser against a dummy origin first ("/./", "/a/../", "%2e%2e" and
 * backslashes resolve there exactly as a browser would resolve them), and the check runs on the
 * normalised result — which is also exactly what is sent. Absolute URLs, anything scheme-relative
 * ("//host", also when only normalisation makes it so: "/.//host", "/%2e%2e//host"), control
 * characters and anything that would resolve to another origin become "/"; so do the login, logout
 * and setup pages themselves.
 *
 * @example localNext('/evaluations/e1?period=2025') === '/evaluations/e1?period=2025'
 * localNext('//evil.example/') === '/'; localNext('/.//evil.example/') === '/'
 */
const BASE = 'http://zhili.invalid';

/** A backslash, a control character or DEL: browsers ignore or rewrite them in URLs. */
function unsafeCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f || code === 0x5c) return true;
  }
  return false;
}

/** The path, query and fragment of `text` resolved against the dummy origin, if it stays there. */
function sameOriginPath(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text, BASE);
  } catch {
    return undefined;
  }
  if (url.origin !== BASE) return undefined;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** A path a browser reads as a path on this site, whatever it resolves it against. */
function plainLocalPath(path: string): boolean {
  return path.startsWith('/') && !path.startsWith('//') && !unsafeCharacter(path);
}

export function localNext(raw: unknown): string {
  if (typeof raw !== 'string' || raw.length > 2000) return '/';
  if (!plainLocalPath(raw)) return '/';
  const normalised = sameOriginPath(raw);
  // Check what is sent: the normalised value must itself be a plain local path that resolves to itself.
  if (normalised === undefined || !plainLocalPath(normalised)) return '/';
  if (sameOriginPath(normalised) !== normalised) return '/';
  const pathname = normalised.replace(/[?#].*$/s, '');
  if (pathname === '/login' || pathname === '/logout' || pathname === '/setup') return '/';
  return normalised;
}
