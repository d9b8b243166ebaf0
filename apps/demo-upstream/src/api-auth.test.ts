import { describe, expect, it } from 'vitest';
import { checkApiCredentials, compileApiUsers } from './api-auth';
import { ZApiUsers } from './api-users';

const directory = compileApiUsers(
  ZApiUsers.parse([
    { username: 'api-bot', password: 'pass:with:colons', token: 'token-one', role: 'user' },
    { username: 'auditor', password: 'auditor-password', token: 'token-two', role: 'business' },
  ]),
);

const basic = (pair: string) => `Basic ${Buffer.from(pair).toString('base64')}`;

describe('checkApiCredentials', () => {
  it('accepts a Basic pair, splitting at the first colon (RFC 7617)', () => {
    const check = checkApiCredentials(basic('api-bot:pass:with:colons'), directory);
    expect(check).toMatchObject({
      outcome: 'valid',
      scheme: 'basic',
      user: { username: 'api-bot' },
    });
  });

  it('accepts a Token and finds the user it belongs to', () => {
    const check = checkApiCredentials('Token token-two', directory);
    expect(check).toMatchObject({
      outcome: 'valid',
      scheme: 'token',
      user: { username: 'auditor' },
    });
  });

  it('treats the scheme case-insensitively (RFC 9110 §11.1)', () => {
    expect(checkApiCredentials('token token-one', directory).outcome).toBe('valid');
    expect(
      checkApiCredentials(basic('auditor:auditor-password').replace('Basic', 'BASIC'), directory)
        .outcome,
    ).toBe('valid');
  });

  it('rejects a wrong password, a password of another user, and an unknown user', () => {
    for (const pair of ['api-bot:wrong', 'api-bot:auditor-password', 'nobody:pass:with:colons']) {
      expect(checkApiCredentials(basic(pair), directory), pair).toEqual({
        outcome: 'invalid',
        detail: 'Invalid username/password.',
      });
    }
  });

  it('rejects an unknown token and a token with extra words', () => {
    expect(checkApiCredentials('Token token-three', directory)).toEqual({
      outcome: 'invalid',
      detail: 'Invalid token.',
    });
    expect(checkApiCredentials('Token token-one extra', directory).outcome).toBe('invalid');
    expect(checkApiCredentials('Token', directory).outcome).toBe('invalid');
  });

  it('rejects Basic credentials that are not base64 of user:pass', () => {
    expect(checkApiCredentials('Basic !!!not-base64!!!', directory).outcome).toBe('invalid');
    expect(checkApiCredentials(basic('no-colon-here'), directory).outcome).toBe('invalid');
  });

  it('leaves other schemes and a missing header to the next authenticator', () => {
    expect(checkApiCredentials(undefined, directory)).toEqual({ outcome: 'absent' });
    expect(checkApiCredentials('Bearer token-one', directory)).toEqual({ outcome: 'absent' });
  });
});
