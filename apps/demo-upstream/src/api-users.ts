import { z } from 'zod';
import { ROLES_BY_RANK } from './roles';

export const ZApiUser = z.object({
  username: z.string().min(1),
  password: z.string().min(1),
  token: z.string().min(1),
  email: z.string().min(1).nullable().default(null),
  role: z.enum(ROLES_BY_RANK).nullable().default('user'),
});

export const ZApiUsers = z.array(ZApiUser).superRefine((users, context) => {
  for (const key of ['username', 'token'] as const) {
    const values = users.map((user) => user[key]);
    if (new Set(values).size !== values.length) {
      context.addIssue({ code: 'custom', message: `each API user needs a distinct ${key}` });
    }
  }
});

export type ApiUser = z.output<typeof ZApiUser>;
export type ApiUserInput = z.input<typeof ZApiUser>;

// Published dev credentials, like CVAT's own dev defaults: the demo upstream guards nothing real.
export const DEFAULT_API_USERS: readonly ApiUser[] = [
  {
    username: 'api-bot',
    password: 'api-bot-password',
    token: 'demo-api-token',
    email: 'api-bot@demo-upstream.invalid',
    role: 'user',
  },
];
