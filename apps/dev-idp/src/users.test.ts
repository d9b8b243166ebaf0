import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createUserDirectory, loadUsersFile } from './users';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dev-idp-users-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function writeUsers(name: string, content: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

const alice = {
  sub: 'a',
  email: 'alice@example.com',
  name: 'Alice',
  groups: ['cvat-admins'],
  password: 'pw',
};

describe('loadUsersFile', () => {
  it('loads the shipped demo users', async () => {
    const users = await loadUsersFile();
    expect(users.map((user) => [user.email, user.groups])).toEqual([
      ['alice@example.com', ['cvat-admins']],
      ['bob@example.com', ['cvat-users']],
      ['carol@example.com', []],
    ]);
    expect(new Set(users.map((user) => user.sub)).size).toBe(3);
  });

  it('names the file and the JSON problem when the file is not JSON', async () => {
    const path = await writeUsers('broken.json', '[{"email": "alice@example.com",]');
    await expect(loadUsersFile(path)).rejects.toThrow(`${path} is not valid JSON`);
  });

  it('names the file when it cannot be read', async () => {
    const path = join(dir, 'missing.json');
    await expect(loadUsersFile(path)).rejects.toThrow(`Cannot read the users file ${path}`);
  });

  it('lists every missing or invalid field with its path', async () => {
    const { password: _password, ...withoutPassword } = alice;
    const path = await writeUsers(
      'invalid.json',
      JSON.stringify([withoutPassword, { ...alice, sub: 'b', email: 'not-an-email' }]),
    );
    const error = await loadUsersFile(path).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    const { message } = error as Error;
    expect(message).toContain(path);
    expect(message).toMatch(/\[0\]\.password: /);
    expect(message).toMatch(/\[1\]\.email: /);
  });

  it('refuses unknown fields, so a typo does not silently drop a claim', async () => {
    const path = await writeUsers('typo.json', JSON.stringify([{ ...alice, grups: ['x'] }]));
    await expect(loadUsersFile(path)).rejects.toThrow(/grups/);
  });

  it('refuses two users with the same email in different case', async () => {
    const path = await writeUsers(
      'duplicate.json',
      JSON.stringify([alice, { ...alice, sub: 'b', email: 'ALICE@example.com' }]),
    );
    await expect(loadUsersFile(path)).rejects.toThrow(
      /\[1\]\.email: duplicate email alice@example.com/,
    );
  });

  it('refuses an empty list', async () => {
    const path = await writeUsers('empty.json', '[]');
    await expect(loadUsersFile(path)).rejects.toThrow('at least one user is required');
  });
});

describe('verifyCredentials', () => {
  const directory = createUserDirectory([{ ...alice, emailVerified: true }]);

  it('accepts the right password, whatever the email case', () => {
    expect(directory.verifyCredentials(' Alice@Example.com ', 'pw')?.sub).toBe('a');
  });

  it('refuses a wrong password and an unknown login alike', () => {
    expect(directory.verifyCredentials('alice@example.com', 'PW')).toBeUndefined();
    expect(directory.verifyCredentials('alice@example.com', '')).toBeUndefined();
    expect(directory.verifyCredentials('mallory@example.com', 'pw')).toBeUndefined();
  });
});
