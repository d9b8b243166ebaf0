// CVAT's own API credentials (Django REST framework): `Authorization: Token <key>` and
// `Authorization: Basic base64(user:pass)`, checked before the header sign-in. Signed URLs
// (`?sign=`) and CVAT's session cookie are out of scope for the demo upstream.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { ApiUser } from './api-users';

export type ApiCredentialCheck =
  | { outcome: 'absent' }
  | { outcome: 'valid'; user: ApiUser; scheme: 'basic' | 'token' }
  | { outcome: 'invalid'; detail: string };

interface CompiledApiUser {
  user: ApiUser;
  usernameDigest: Buffer;
  passwordDigest: Buffer;
  tokenDigest: Buffer;
}

export interface ApiUserDirectory {
  readonly users: readonly CompiledApiUser[];
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

// Comparing fixed-length digests lets timingSafeEqual run on values of any length.
function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

export function compileApiUsers(users: readonly ApiUser[]): ApiUserDirectory {
  return {
    users: users.map((user) => ({
      user,
      usernameDigest: digest(user.username),
      passwordDigest: digest(user.password),
      tokenDigest: digest(user.token),
    })),
  };
}

export function checkApiCredentials(
  authorization: string | undefined,
  directory: ApiUserDirectory,
): ApiCredentialCheck {
  const [scheme = '', ...credentials] = (authorization ?? '').trim().split(/\s+/);
  // RFC 9110 §11.1: the scheme is case-insensitive. Other schemes (Bearer, …) are not CVAT's, so
  // DRF lets the request fall through to the next authenticator, here the header sign-in.
  const normalizedScheme = scheme.toLowerCase();
  if (normalizedScheme !== 'basic' && normalizedScheme !== 'token') return { outcome: 'absent' };
  const [credential] = credentials;
  if (credential === undefined || credentials.length > 1) {
    return {
      outcome: 'invalid',
      detail: `Invalid ${normalizedScheme} header: send one credential.`,
    };
  }
  return normalizedScheme === 'token'
    ? checkToken(credential, directory)
    : checkBasic(credential, directory);
}

function checkToken(token: string, directory: ApiUserDirectory): ApiCredentialCheck {
  const tokenDigest = digest(token);
  const match = findWithoutEarlyExit(directory, (entry) =>
    timingSafeEqual(entry.tokenDigest, tokenDigest),
  );
  return match
    ? { outcome: 'valid', user: match.user, scheme: 'token' }
    : { outcome: 'invalid', detail: 'Invalid token.' };
}

function checkBasic(encoded: string, directory: ApiUserDirectory): ApiCredentialCheck {
  const decoded = BASE64.test(encoded) ? Buffer.from(encoded, 'base64').toString('utf8') : '';
  // RFC 7617 §2: the user-id cannot contain a colon, so the first colon splits the pair.
  const colon = decoded.indexOf(':');
  if (colon === -1) {
    return {
      outcome: 'invalid',
      detail: 'Invalid basic header. Credentials not correctly base64 encoded.',
    };
  }
  const user = findApiUserByPassword(decoded.slice(0, colon), decoded.slice(colon + 1), directory);
  return user
    ? { outcome: 'valid', user, scheme: 'basic' }
    : { outcome: 'invalid', detail: 'Invalid username/password.' };
}

export function findApiUserByPassword(
  username: string,
  password: string,
  directory: ApiUserDirectory,
): ApiUser | undefined {
  const usernameDigest = digest(username);
  const passwordDigest = digest(password);
  return findWithoutEarlyExit(
    directory,
    (entry) =>
      // `&` rather than `&&`: both comparisons always run.
      (Number(timingSafeEqual(entry.usernameDigest, usernameDigest)) &
        Number(timingSafeEqual(entry.passwordDigest, passwordDigest))) ===
      1,
  )?.user;
}

// Every entry is compared, so the response time does not reveal which usernames exist.
function findWithoutEarlyExit(
  directory: ApiUserDirectory,
  matches: (entry: CompiledApiUser) => boolean,
): CompiledApiUser | undefined {
  let found: CompiledApiUser | undefined;
  for (const entry of directory.users) {
    if (matches(entry) && found === undefined) found = entry;
  }
  return found;
}
