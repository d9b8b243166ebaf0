// The page (and `?format=json` / `Accept: application/json` twin) showing who the upstream thinks
// the caller is and everything it received. Serves `/`, `/whoami` and every other non-API path,
// for any method, so proxy tests can point anywhere and still see what arrived.
import { identifyRequest } from '../identify';
import { prefersJson } from '../negotiate';
import { renderErrorPage, renderWhoamiPage } from '../pages';
import { digestBody } from '../read-body';
import { sendHtml, sendJson } from '../respond';
import { describeRequest } from '../whoami-view';
import type { RouteContext } from './context';

const VARY = { vary: 'accept' };

export async function handleWhoami({ req, res, target, state }: RouteContext): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') await digestBody(req);
  const json = prefersJson(req.headers.accept, target.query);
  const outcome = identifyRequest(
    { headers: req.headersDistinct, acceptsApiCredentials: false },
    state,
  );
  if (!outcome.ok) {
    if (json) sendJson(res, outcome.status, { detail: outcome.detail }, VARY);
    else sendHtml(res, outcome.status, renderErrorPage(outcome.status, outcome.detail), VARY);
    return;
  }
  const view = describeRequest(req, target, outcome.identity);
  if (json) sendJson(res, 200, view, VARY);
  else sendHtml(res, 200, renderWhoamiPage(view, req.rawHeaders), VARY);
}
