import { AppError } from '../errors/app-error';
import { MAX_SAML_METADATA_BYTES } from './identity-provider.types';

const TIMEOUT_MS = 5_000;

function metadataUrlProblem(message: string): AppError {
  return new AppError('invalid', message, { issues: [{ path: 'metadataUrl', message }] });
}

/**
 * Fetches an IdP's metadata so a wrong URL shows now, in the form, rather than as a broken
 * sign-in on the agent. Only admins reach this and only http(s) URLs are accepted, which bounds
 * what the console fetches (as for OIDC discovery); the body is read up to 1 MiB.
 */
export async function fetchSamlMetadata(url: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { accept: 'application/samlmetadata+xml, application/xml, text/xml' },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    const reason =
      error instanceof Error
        ? ((error.cause as Error | undefined)?.message ?? error.message)
        : String(error);
    throw metadataUrlProblem(
      `Could not fetch the SAML metadata at ${url} (${reason}). Check the URL and that the ` +
        'console can reach it, or paste the metadata XML instead.',
    );
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw metadataUrlProblem(
      `The SAML metadata at ${url} answered HTTP ${response.status}; check the metadata URL.`,
    );
  }
  const body = await readLimited(response);
  if (body === null) {
    throw metadataUrlProblem(
      `The document at ${url} is larger than ${MAX_SAML_METADATA_BYTES} bytes: give the metadata ` +
        'of the identity provider itself, not of a whole federation.',
    );
  }
  return body;
}

async function readLimited(response: Response): Promise<string | null> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += chunk.length;
    if (size > MAX_SAML_METADATA_BYTES) {
      await response.body?.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
