// Demo accounts, loaded from a JSON file and checked completely before the IdP starts.
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

import { formatIssues } from './format-issues';

export const DEFAULT_USERS_FILE = fileURLToPath(new URL('../users.json', import.meta.url));

const ZDevUser = z.strictObject({
  // Stable subject identifier: relying parties key accounts on it, so it never changes.
  sub: z.string().min(1),
  email: z.email(),
  emailVerified: z.boolean().default(true),
  name: z.string().min(1),
  preferredUsername: z.string().min(1).optional(),
  groups: z.array(z.string().min(1)).default([]),
  // Plain text on purpose: these are published demo passwords, not secrets.
  password: z.string().min(1),
});

export const ZDevUsers = z
  .array(ZDevUser)
  .min(1, 'at least one user is required')
  .superRefine((users, ctx) => {
    const emails = new Set<string>();
    const subs = new Set<string>();
    users.forEach((user, index) => {
      const email = user.email.toLowerCase();
      if (emails.has(email)) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'email'],
          message: `duplicate email ${email}`,
        });
      }
      if (subs.has(user.sub)) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'sub'],
          message: `duplicate sub ${user.sub}`,
        });
      }
      emails.add(email);
      subs.add(user.sub);
    });
  });

export type DevUserInput = z.input<typeof ZDevUser>;
export type DevUser = z.output<typeof ZDevUser>;

export function parseUsers(input: unknown, source: string): DevUser[] {
  const parsed = ZDevUsers.safeParse(input);
  if (!parsed.success) {
    throw new Error(formatIssues(source, parsed.error));
  }
  return parsed.data;
}

export async function loadUsersFile(path: string = DEFAULT_USERS_FILE): Promise<DevUser[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new Error(`Cannot read the users file ${path} (set DEV_IDP_USERS_FILE).`, { cause });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new Error(`${path} is not valid JSON: ${reason}`, { cause });
  }
  return parseUsers(json, path);
}

export interface UserDirectory {
  findBySub(sub: string): DevUser | undefined;
  /** The user whose email and password both match, or undefined. */
  verifyCredentials(login: string, password: string): DevUser | undefined;
  list(): readonly DevUser[];
}

export function createUserDirectory(users: readonly DevUser[]): UserDirectory {
  const bySub = new Map(users.map((user) => [user.sub, user]));
  const byEmail = new Map(users.map((user) => [user.email.toLowerCase(), user]));
  return {
    findBySub: (sub) => bySub.get(sub),
    verifyCredentials(login, password) {
      const user = byEmail.get(login.trim().toLowerCase());
      // Compare even for an unknown login so timing does not reveal which emails exist.
      const matches = equalsInConstantTime(password, user?.password ?? '\0unknown-user');
      return user && matches ? user : undefined;
    },
    list: () => users,
  };
}

// Hashing first gives timingSafeEqual equal-length inputs, so the length leaks nothing either.
function equalsInConstantTime(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}
