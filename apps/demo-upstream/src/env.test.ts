import { describe, expect, it } from 'vitest';
import { loadEnv } from './env';

describe('loadEnv', () => {
  it('listens on every interface at 8080 with the dev API user by default', () => {
    expect(loadEnv({})).toEqual({ port: 8080, host: '0.0.0.0', apiUsers: undefined });
    expect(loadEnv({ DEMO_UPSTREAM_PORT: '', DEMO_UPSTREAM_API_USERS: '' }).port).toBe(8080);
  });

  it('reads port, host and API users', () => {
    const env = loadEnv({
      DEMO_UPSTREAM_PORT: '9090',
      DEMO_UPSTREAM_HOST: '127.0.0.1',
      DEMO_UPSTREAM_API_USERS: '[{"username":"ci","password":"ci-pass","token":"ci-token"}]',
    });
    expect(env).toEqual({
      port: 9090,
      host: '127.0.0.1',
      apiUsers: [
        { username: 'ci', password: 'ci-pass', token: 'ci-token', email: null, role: 'user' },
      ],
    });
  });

  it('says what is wrong with a bad port, bad JSON or ambiguous API users', () => {
    expect(() => loadEnv({ DEMO_UPSTREAM_PORT: 'eighty' })).toThrow(/DEMO_UPSTREAM_PORT/);
    expect(() => loadEnv({ DEMO_UPSTREAM_API_USERS: '[{' })).toThrow(/not valid JSON/);
    const twins = JSON.stringify([
      { username: 'a', password: 'p', token: 'same' },
      { username: 'b', password: 'p', token: 'same' },
    ]);
    expect(() => loadEnv({ DEMO_UPSTREAM_API_USERS: twins })).toThrow(/distinct token/);
  });
});
