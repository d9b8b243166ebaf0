// Enforces: the paths under the application's reserved prefix (default `/.gatehouse`) belong to
// the agent and never reach the upstream, whatever the rules say: login, callback, logout,
// jwks.json, healthz, and the SAML SP endpoints; anything else under the prefix is 404.
import type { PipelineStep, RequestContext } from './context';
import { handleCallback } from './reserved/callback';
import { handleLogin } from './reserved/login';
import { handleLogout } from './reserved/logout';
import { serveHealth, serveJwks } from './reserved/public-endpoints';
import { sendPage } from './respond';
import { handleSamlAcs } from '../saml/acs-endpoint';
import { serveSamlMetadata } from '../saml/metadata-endpoint';
import { handleSamlSlo } from '../saml/slo-endpoint';

const RESERVED: ReadonlyMap<string, (ctx: RequestContext) => void | Promise<void>> = new Map([
  ['login', handleLogin],
  ['callback', handleCallback],
  ['logout', handleLogout],
  ['jwks.json', serveJwks],
  ['healthz', serveHealth],
  ['saml/acs', handleSamlAcs],
  ['saml/metadata', serveSamlMetadata],
  ['saml/slo', handleSamlSlo],
]);

/** Pipeline step 3. */
export const serveReservedPaths: PipelineStep = (ctx) => {
  const { prefix } = ctx.app;
  if (ctx.path !== prefix && !ctx.path.startsWith(`${prefix}/`)) return 'next';
  const handler = RESERVED.get(ctx.path.slice(prefix.length + 1));
  if (handler === undefined) {
    sendPage(ctx, 404, {
      title: 'Not found',
      message: `${ctx.path} is reserved for the access proxy and has nothing here.`,
    });
    return 'done';
  }
  const answered = handler(ctx);
  return answered instanceof Promise ? answered.then(() => 'done') : 'done';
};
