import { z } from 'zod';
import { ZApiUsers, type ApiUser } from './api-users';

// An empty variable means "not set": `DEMO_UPSTREAM_PORT=` must not turn into port 0.
const unsetWhenEmpty = (value: unknown) => (value === '' ? undefined : value);

const ZEnv = z.object({
  DEMO_UPSTREAM_PORT: z.preprocess(
    unsetWhenEmpty,
    z.coerce.number().int().min(0).max(65535).default(8080),
  ),
  // Every interface, because in a container loopback is unreachable from the proxy.
  DEMO_UPSTREAM_HOST: z.preprocess(unsetWhenEmpty, z.string().default('0.0.0.0')),
  DEMO_UPSTREAM_API_USERS: z.preprocess(
    unsetWhenEmpty,
    z
      .string()
      .transform((text, context) => {
        try {
          return JSON.parse(text) as unknown;
        } catch {
          context.addIssue({ code: 'custom', message: 'is not valid JSON' });
          return z.NEVER;
        }
      })
      .pipe(ZApiUsers)
      .optional(),
  ),
});

export interface DemoUpstreamEnv {
  port: number;
  host: string;
  /** Undefined when unset: the server then uses its dev user api-bot. */
  apiUsers: ApiUser[] | undefined;
}

export function loadEnv(source: NodeJS.ProcessEnv = process.env): DemoUpstreamEnv {
  const parsed = ZEnv.safeParse(source);
  if (!parsed.success) {
    throw new Error(
      `The demo upstream's environment is invalid:\n${z.prettifyError(parsed.error)}\n` +
        'DEMO_UPSTREAM_API_USERS is a JSON array like ' +
        '[{"username":"api-bot","password":"…","token":"…","role":"user"}].',
    );
  }
  return {
    port: parsed.data.DEMO_UPSTREAM_PORT,
    host: parsed.data.DEMO_UPSTREAM_HOST,
    apiUsers: parsed.data.DEMO_UPSTREAM_API_USERS,
  };
}
