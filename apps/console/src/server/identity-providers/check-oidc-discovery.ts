import { AppError } from '../errors/app-error';

const TIMEOUT_MS = 5_000;
const REQUIRED = ['issuer', 'authorization_endpoint', 'token_endpoint', 'jwks_uri'] as const;

function discoveryProblem(message: string): AppError {
  return new AppError('invalid', message, { issues: [{ path: 'issuer', message }] });
}

/**
 * Fetches the issuer's OpenID Connect discovery document (OpenID Connect Discovery 1.0 §4) so a
 * typo in the issuer shows now, in the form, rather than as a broken sign-in on the agent. Only
 * admins reach this, and only http(s) URLs are accepted, which bounds what the console fetches.
 */
export async function checkOidcDiscovery(issuer: string): Promise<void> {
  const url = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    const reason =
      error instanceof Error
        ? ((error.cause as Error | undefined)?.message ?? error.message)
        : String(error);
    throw discoveryProblem(
      `Could not fetch the discovery document at ${url} (${reason}). Check the issuer URL and ` +
        'that the console can reach it.',
    );
  }
  if (!response.ok) {
    throw discoveryProblem(
      `The discovery document at ${url} answered HTTP ${response.status}; check the issuer URL.`,
    );
  }
  const document = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  const missing = REQUIRED.filter((field) => typeof document?.[field] !== 'string');
  if (!document || missing.length > 0) {
    throw discoveryProblem(
      `${url} is not an OpenID Connect discovery document (missing ${missing.join(', ')}).`,
    );
  }
  // Discovery §4.3: the issuer in the document must be identical to the one configured, or
  // ID tokens will fail validation at sign-in.
  if (document.issuer !== issuer) {
    throw discoveryProblem(
      `The discovery document names the issuer ${String(document.issuer)}; set the issuer to ` +
        'exactly that value.',
    );
  }
}
