// The pages oidc-provider renders itself (errors, RP-initiated logout), in the dev IdP's look and
// without the defaults' external font import (tests and containers run offline).
import type { KoaContextWithOIDC, ErrorOut } from 'oidc-provider';

import { AUTO_SUBMIT, escapeHtml, renderPage } from './html';

export function renderError(ctx: KoaContextWithOIDC, out: ErrorOut): void {
  ctx.type = 'html';
  const description = out.error_description ? `<p>${escapeHtml(out.error_description)}</p>` : '';
  ctx.body = renderPage(
    'Error',
    `<h1>Sign-in failed</h1>
<p class="error" role="alert"><code>${escapeHtml(out.error)}</code></p>
${description}
<p class="hint">Go back to the application and start signing in again.</p>`,
  );
}

// OpenID Connect RP-Initiated Logout 1.0 §2 says the OP SHOULD ask the user. A dev IdP skips the
// question: the relying party asked for the logout (oidc-provider has already checked its
// id_token_hint and post_logout_redirect_uri) and tests should not need to click through.
// `form` is oidc-provider's <form id="op.logoutForm"> carrying the xsrf token; logout=yes ends the
// whole IdP session rather than only this client's part of it.
export function renderAutoConfirmedLogout(ctx: KoaContextWithOIDC, form: string): void {
  const confirmed = form.replace(
    '</form>',
    '<input type="hidden" name="logout" value="yes"/><noscript><button type="submit">Sign out</button></noscript></form>',
  );
  ctx.type = 'html';
  ctx.body = renderPage('Signing out', `<h1>Signing out…</h1>\n${confirmed}`, AUTO_SUBMIT);
}

export function renderLogoutSuccess(ctx: KoaContextWithOIDC): void {
  ctx.type = 'html';
  ctx.body = renderPage(
    'Signed out',
    '<h1>Signed out</h1><p>You are signed out of the dev IdP.</p>',
  );
}
