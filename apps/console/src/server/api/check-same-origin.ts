import { AppError } from '../errors/app-error';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cookie-authenticated mutations must come from the console's own pages. Browsers send
 * `Sec-Fetch-Site` (Fetch Metadata) and `Origin` on every cross-origin POST/PUT/PATCH/DELETE, and a
 * page cannot forge either, so requiring one of them to say "same origin" stops cross-site
 * request forgery. Bearer-token calls carry no ambient credential and are exempt.
 */
export function checkSameOrigin(request: Request, consoleOrigin: string): void {
  if (SAFE_METHODS.has(request.method)) return;
  const fetchSite = request.headers.get('sec-fetch-site');
  const origin = request.headers.get('origin');
  if (fetchSite === 'same-origin') return;
  if (fetchSite === null && origin === consoleOrigin) return;
  throw new AppError(
    'forbidden',
    'This request did not come from the console itself (cross-site request refused). ' +
      'Scripts should authenticate with an API token: Authorization: Bearer ght_…',
  );
}
