// SAML service providers the dev IdP answers, from DEV_IDP_SAML_SPS / DEV_IDP_SAML_SPS_FILE or the
// default local agent. An AuthnRequest from any other issuer, or naming an ACS URL its SP did not
// register, is refused: sending an assertion there would hand a signed identity to a stranger.
import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';

import { formatIssues } from '../format-issues';
import { parseJson } from '../parse-json';

const ZWebUrl = z.url({ protocol: /^https?$/ }).refine((url) => !url.includes('#'), {
  message: 'must not contain a fragment',
});

// PEM, or the bare base64 DER that SAML metadata's ds:X509Certificate carries.
const ZCertificate = z.string().transform((value, ctx) => {
  const pem = value.includes('-----BEGIN')
    ? value
    : `-----BEGIN CERTIFICATE-----\n${value.replace(/\s+/g, '')}\n-----END CERTIFICATE-----\n`;
  try {
    return new X509Certificate(pem).toString();
  } catch {
    ctx.addIssue({ code: 'custom', message: 'is not an X.509 certificate (PEM or base64 DER)' });
    return z.NEVER;
  }
});

const ZSamlServiceProvider = z.strictObject({
  entityId: z.string().min(1),
  acsUrl: ZWebUrl,
  sloUrl: ZWebUrl.optional(),
  // How the LogoutResponse travels. Redirect by default: node-saml checks a LogoutResponse's
  // status and InResponseTo only on that path (validateRedirectAsync); its HTTP-POST path finds no
  // InResponseTo outside a <Response> and, with validateInResponseTo "always", refuses it.
  sloBinding: z.enum(['HTTP-POST', 'HTTP-Redirect']).default('HTTP-Redirect'),
  // With a certificate, this SP's AuthnRequests and LogoutRequests must be signed by it.
  certificate: ZCertificate.optional(),
});

export const ZSamlServiceProviders = z.array(ZSamlServiceProvider).superRefine((sps, ctx) => {
  const seen = new Set<string>();
  sps.forEach((sp, index) => {
    if (seen.has(sp.entityId)) {
      ctx.addIssue({
        code: 'custom',
        path: [index, 'entityId'],
        message: `duplicate entityId ${sp.entityId}`,
      });
    }
    seen.add(sp.entityId);
  });
});

export type SamlServiceProviderInput = z.input<typeof ZSamlServiceProvider>;
export type SamlServiceProvider = z.output<typeof ZSamlServiceProvider>;

// The agent on its default port, under both names a developer's browser may use for it.
export const DEFAULT_SAML_SERVICE_PROVIDERS: readonly SamlServiceProviderInput[] = [
  'http://localhost:9772',
  'http://127.0.0.1:9772',
].map((origin) => ({
  entityId: `${origin}/.gatehouse/saml/metadata`,
  acsUrl: `${origin}/.gatehouse/saml/acs`,
  sloUrl: `${origin}/.gatehouse/saml/slo`,
}));

export function parseSamlServiceProviders(input: unknown, source: string): SamlServiceProvider[] {
  const parsed = ZSamlServiceProviders.safeParse(input);
  if (!parsed.success) {
    throw new Error(formatIssues(source, parsed.error));
  }
  return parsed.data;
}

export async function loadSamlServiceProviders(options: {
  json?: string | undefined;
  file?: string | undefined;
}): Promise<SamlServiceProvider[]> {
  if (options.json !== undefined) {
    const source = 'DEV_IDP_SAML_SPS';
    return parseSamlServiceProviders(parseJson(options.json, source), source);
  }
  if (options.file !== undefined) {
    let text: string;
    try {
      text = await readFile(options.file, 'utf8');
    } catch (cause) {
      throw new Error(
        `Cannot read the SAML service providers file ${options.file} (DEV_IDP_SAML_SPS_FILE).`,
        { cause },
      );
    }
    return parseSamlServiceProviders(parseJson(text, options.file), options.file);
  }
  return parseSamlServiceProviders(
    DEFAULT_SAML_SERVICE_PROVIDERS,
    'default SAML service providers',
  );
}
