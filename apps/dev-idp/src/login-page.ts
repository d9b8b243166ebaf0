import { escapeHtml, renderPage } from './html';
import type { DevUser } from './users';

export interface LoginPageInput {
  uid: string;
  clientId: string;
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
    `<h1>Sign in to continue to ${escapeHtml(input.clientId)}</h1>
${error}
<form method="post" action="/interaction/${encodeURIComponent(input.uid)}/login" id="login-form">
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
