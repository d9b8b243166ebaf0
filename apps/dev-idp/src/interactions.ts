// The dev IdP's own sign-in pages, in place of oidc-provider's devInteractions:
//   GET  /interaction/:uid        the login form (or, for a consent prompt, an automatic grant)
//   POST /interaction/:uid/login  checks the password, then hands the result back to oidc-provider
// oidc-provider scopes its interaction cookie (SameSite=Lax) to /interaction/:uid, which is what
// stops another site from posting credentials into someone else's sign-in.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { errors } from 'oidc-provider';
import type Provider from 'oidc-provider';

import { grantRequestedAccess } from './grant-access';
import { renderLoginPage } from './login-page';
import { FormError, readForm } from './read-form';
import { sendHtml, sendMessage } from './send-html';
import type { UserDirectory } from './users';

const INTERACTION_PATH = /^\/interaction\/([A-Za-z0-9_-]+)(\/login)?$/;

type Interaction = Awaited<ReturnType<Provider['interactionDetails']>>;

export type InteractionHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

/** Returns a handler that answers interaction routes and resolves false for anything else. */
export function createInteractionHandler(
  provider: Provider,
  users: UserDirectory,
): InteractionHandler {
  return async (req, res) => {
    const match = INTERACTION_PATH.exec(new URL(req.url ?? '/', 'http://idp.invalid').pathname);
    if (!match) {
      return false;
    }
    const [, uid = '', loginStep] = match;
    res.setHeader('Cache-Control', 'no-store');
    try {
      if (!loginStep && (req.method === 'GET' || req.method === 'HEAD')) {
        await showInteraction(provider, users, req, res, uid);
      } else if (loginStep && req.method === 'POST') {
        await submitLogin(provider, users, req, res, uid);
      } else {
        res.setHeader('Allow', loginStep ? 'POST' : 'GET');
        sendMessage(res, 405, 'Method not allowed', 'This page does not accept that method.');
      }
    } catch (error) {
      sendFailure(res, error);
    }
    return true;
  };
}

async function showInteraction(
  provider: Provider,
  users: UserDirectory,
  req: IncomingMessage,
  res: ServerResponse,
  uid: string,
): Promise<void> {
  const interaction = await findInteraction(provider, req, res, uid);
  switch (interaction.prompt.name) {
    case 'login': {
      const hint = interaction.params.login_hint;
      sendLoginPage(res, 200, interaction, users, typeof hint === 'string' ? hint : '');
      return;
    }
    case 'consent': {
      // Already signed in, but the client asks for more than it was granted (or prompt=consent).
      const accountId = interaction.session?.accountId;
      if (accountId === undefined) {
        throw new errors.SessionNotFound('consent prompt without a signed-in account');
      }
      const grantId = await grantRequestedAccess(provider, interaction, accountId);
      await provider.interactionFinished(req, res, { consent: { grantId } });
      return;
    }
    default:
      sendMessage(
        res,
        400,
        'Unsupported step',
        `The dev IdP cannot handle the "${interaction.prompt.name}" prompt. Sign in again from the application.`,
      );
  }
}

async function submitLogin(
  provider: Provider,
  users: UserDirectory,
  req: IncomingMessage,
  res: ServerResponse,
  uid: string,
): Promise<void> {
  const interaction = await findInteraction(provider, req, res, uid);
  if (interaction.prompt.name !== 'login') {
    sendMessage(
      res,
      400,
      'Already signed in',
      'This sign-in step is already done. Go back to the application.',
    );
    return;
  }
  const form = await readForm(req);
  const login = form.get('login') ?? '';
  const user = users.verifyCredentials(login, form.get('password') ?? '');
  if (!user) {
    // Re-render instead of redirecting to the client: a typo is not an authorization error.
    sendLoginPage(res, 401, interaction, users, login, 'Wrong email or password. Try again.');
    return;
  }
  // Logging in and granting in one result spares a second round trip through a consent prompt.
  const grantId = await grantRequestedAccess(provider, interaction, user.sub);
  await provider.interactionFinished(
    req,
    res,
    { login: { accountId: user.sub }, consent: { grantId } },
    { mergeWithLastSubmission: false },
  );
}

// oidc-provider finds the interaction by its cookie; the uid in the URL must name the same one,
// or the page a person submits belongs to an older sign-in attempt (another tab, say).
async function findInteraction(
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
  uid: string,
): Promise<Interaction> {
  const interaction = await provider.interactionDetails(req, res);
  if (interaction.uid !== uid) {
    throw new errors.SessionNotFound('interaction cookie belongs to another sign-in attempt');
  }
  return interaction;
}

function sendLoginPage(
  res: ServerResponse,
  status: number,
  interaction: Interaction,
  users: UserDirectory,
  login: string,
  error?: string,
): void {
  const clientId = String(interaction.params.client_id);
  const page = renderLoginPage({
    action: `/interaction/${encodeURIComponent(interaction.uid)}/login`,
    audience: clientId,
    login,
    error,
    users: users.list(),
  });
  sendHtml(res, status, page);
}

function sendFailure(res: ServerResponse, error: unknown): void {
  if (error instanceof errors.SessionNotFound) {
    sendMessage(
      res,
      400,
      'Sign-in expired',
      'This sign-in attempt has expired or was started in another browser or tab. Go back to the application and sign in again.',
    );
  } else if (error instanceof FormError) {
    sendMessage(res, error.status, 'Bad request', error.message);
  } else {
    console.error('dev-idp: interaction failed', error);
    sendMessage(res, 500, 'Internal error', 'The dev IdP failed; its log has the details.');
  }
}
