// The dev IdP's whole environment, read and validated once (nothing else reads process.env).
import { z } from 'zod';

const ZPort = z.coerce.number().int().min(0).max(65535);

const ZEnv = z.object({
  DEV_IDP_PORT: ZPort.default(3001),
  // Loopback by default: the demo users have a published password. Containers set 0.0.0.0.
  DEV_IDP_HOST: z.string().min(1).default('127.0.0.1'),
  DEV_IDP_ISSUER: z.url({ protocol: /^https?$/ }).optional(),
  DEV_IDP_USERS_FILE: z.string().min(1).optional(),
  DEV_IDP_CLIENTS: z.string().min(1).optional(),
  DEV_IDP_CLIENTS_FILE: z.string().min(1).optional(),
  DEV_IDP_COOKIE_KEYS: z
    .string()
    .min(1)
    .transform((value) => value.split(',').map((key) => key.trim()))
    .pipe(z.array(z.string().min(16, 'each cookie key needs at least 16 characters')))
    .optional(),
  DEV_IDP_SAML_SPS: z.string().min(1).optional(),
  DEV_IDP_SAML_SPS_FILE: z.string().min(1).optional(),
  DEV_IDP_SAML_KEY_FILE: z.string().min(1).optional(),
  DEV_IDP_SAML_CERT_FILE: z.string().min(1).optional(),
});

export interface DevIdpEnv {
  port: number;
  host: string;
  // Undefined only with port 0: the issuer is then built from the port actually bound.
  issuer: string | undefined;
  usersFile: string | undefined;
  clientsJson: string | undefined;
  clientsFile: string | undefined;
  cookieKeys: string[] | undefined;
  samlSpsJson: string | undefined;
  samlSpsFile: string | undefined;
  /** Both files or neither: the SAML signing key stays stable across restarts only with both. */
  samlCredentialFiles: { keyFile: string; certFile: string } | undefined;
}

export function readEnv(source: NodeJS.ProcessEnv = process.env): DevIdpEnv {
  const parsed = ZEnv.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new Error(`Invalid dev IdP environment: ${problems.join('; ')}`);
  }
  const env = parsed.data;
  if (env.DEV_IDP_CLIENTS !== undefined && env.DEV_IDP_CLIENTS_FILE !== undefined) {
    throw new Error('Set DEV_IDP_CLIENTS or DEV_IDP_CLIENTS_FILE, not both.');
  }
  if (env.DEV_IDP_SAML_SPS !== undefined && env.DEV_IDP_SAML_SPS_FILE !== undefined) {
    throw new Error('Set DEV_IDP_SAML_SPS or DEV_IDP_SAML_SPS_FILE, not both.');
  }
  if ((env.DEV_IDP_SAML_KEY_FILE === undefined) !== (env.DEV_IDP_SAML_CERT_FILE === undefined)) {
    throw new Error(
      'Set both DEV_IDP_SAML_KEY_FILE and DEV_IDP_SAML_CERT_FILE (the key and its certificate), or neither.',
    );
  }
  return {
    port: env.DEV_IDP_PORT,
    host: env.DEV_IDP_HOST,
    issuer:
      env.DEV_IDP_ISSUER ??
      (env.DEV_IDP_PORT === 0 ? undefined : `http://localhost:${env.DEV_IDP_PORT}`),
    usersFile: env.DEV_IDP_USERS_FILE,
    clientsJson: env.DEV_IDP_CLIENTS,
    clientsFile: env.DEV_IDP_CLIENTS_FILE,
    cookieKeys: env.DEV_IDP_COOKIE_KEYS,
    samlSpsJson: env.DEV_IDP_SAML_SPS,
    samlSpsFile: env.DEV_IDP_SAML_SPS_FILE,
    samlCredentialFiles:
      env.DEV_IDP_SAML_KEY_FILE !== undefined && env.DEV_IDP_SAML_CERT_FILE !== undefined
        ? { keyFile: env.DEV_IDP_SAML_KEY_FILE, certFile: env.DEV_IDP_SAML_CERT_FILE }
        : undefined,
  };
}
