// Enforces: after sign-in, the role from role mapping and the matched rule's identity conditions
// (groups, emails, roles). A role mapping that fails to evaluate denies; it never allows.
import type { PipelineStep } from './context';
import { deriveIdentity } from './derive-identity';
import { sendPage } from './respond';

/** Pipeline step 6. */
export const authorize: PipelineStep = (ctx) => {
  const { rule, session, app } = ctx;
  if (rule?.action !== 'PROTECTED' || session === null) return 'next';
  const derived = deriveIdentity(app, session);
  if (
    derived.role.ok &&
    (rule.identity === null || rule.identity(session.identity, derived.role.role))
  ) {
    ctx.derived = derived;
    return 'next';
  }
  const who = session.identity.email ?? session.identity.username ?? session.identity.sub;
  const signOut = { href: `${app.prefix}/logout`, label: 'Sign out' };
  if (!derived.role.ok) {
    app.logger.warn(
      { requestId: ctx.requestId, sub: session.identity.sub, reason: derived.role.reason },
      'role mapping failed',
    );
    sendPage(ctx, 403, {
      title: 'Access denied',
      message: `You are signed in as ${who}, but ${app.config.name}'s role mapping could not decide your access.`,
      hint: 'Tell your administrator, mentioning the request id below; or sign out and use another account.',
      links: [signOut],
    });
    return 'done';
  }
  sendPage(ctx, 403, {
    title: 'Access denied',
    message: `You are signed in as ${who}, which may not open this page of ${app.config.name}.`,
    hint: 'Sign out and sign in with another account, or ask your administrator for access.',
    links: [signOut],
  });
  return 'done';
};
