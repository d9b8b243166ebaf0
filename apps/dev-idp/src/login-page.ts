import { escapeHtml, renderPage } from './html';
import type { DevUser } from './users';

export interface LoginPageInput {
  /** Where the form posts: the OIDC interaction or the pending SAML sign-in. */
  action: string;
  /** Who the user signs in to: an OIDC client id or a SAML service provider's entity ID. */
  audience: string;
  login: string;
  error?: string | undefined;
  users: readonly DevUser[];
}

// A plain POST form with fields `login` and `password`: no script, so tests and the agent's
// integration tests can drive it with fetch, and Playwright with real Chromium.
export function renderLoginPage(input: LoginPageInput): string {
  const error = input.error
    ? `<p class="error" role="alert" id="login-error">${escapeHtml(input.error)}</p>`
    : '';
  const demoUsers = input.users
    .map((user) => {
      const groups = user.groups.length ? user.groups.join(', ') : 'no groups';
      return `<li><code>${escapeHtml(user.email)}</code> (${escapeHtml(groups)})</li>`;
    })
    .join('');
  return renderPage(
    'Sign in',
    `<h1>Sign in to continue to ${escapeHtml(input.audience)}</h1>
${error}
<form method="post" action="${escapeHtml(input.action)}" id="login-form">
<label for="login">Email</label>
<input id="login" name="login" type="email" autocomplete="username" required autofocus value="${escapeHtml(input.login)}">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Sign in</button>
</form>
<p class="hint">Development identity provider. Demo accounts:</p>
<ul class="hint">${demoUsers}</ul>`,
  );
}
