import { describe, expect, it } from 'vitest';
import { formatEnvProblems, parseEnv } from './env';

const validEnv = {
  PROVISIONING_KEY: 'ghk_abcdefgh1234',
  PROVISIONING_SECRET: 'ghs_0123456789abcdefghij',
  CONSOLE_URL: 'https://console.example.com/',
};

describe('parseEnv', () => {
  it('fills defaults and normalises the console URL', () => {
    const result = parseEnv(validEnv);
    expect(result).toMatchObject({
      ok: true,
      env: {
        consoleUrl: 'https://console.example.com',
        logLevel: 'info',
        adminPort: 9773,
        revokedGraceSeconds: 30,
        redisUrl: undefined,
        instanceId: undefined,
        workers: undefined,
      },
    });
    expect(result.ok && result.env.stateDir.endsWith('/.gatehouse/agent')).toBe(true);
  });

  it('reads LISTEN_HOST as an IP address, and refuses anything else', () => {
    expect(parseEnv({ ...validEnv, LISTEN_HOST: '127.0.0.2' })).toMatchObject({
      ok: true,
      env: { listenHost: '127.0.0.2' },
    });
    expect(parseEnv({ ...validEnv, LISTEN_HOST: '::1' })).toMatchObject({
      env: { listenHost: '::1' },
    });
    expect(parseEnv({ ...validEnv, LISTEN_HOST: 'example.com' })).toMatchObject({
      ok: false,
      problems: [{ variable: 'LISTEN_HOST' }],
    });
  });

  it('treats empty variables as unset, as compose files pass them', () => {
    const result = parseEnv({ ...validEnv, ADMIN_PORT: '', REDIS_URL: '', LOG_LEVEL: '' });
    expect(result).toMatchObject({ ok: true, env: { adminPort: 9773, logLevel: 'info' } });
  });

  it('reads every optional variable', () => {
    const result = parseEnv({
      ...validEnv,
      REDIS_URL: 'redis://127.0.0.1:6379/2',
      STATE_DIR: '/var/lib/gatehouse',
      LOG_LEVEL: 'debug',
      ADMIN_PORT: '0',
      AGENT_REVOKED_GRACE_SECONDS: '2.5',
      INSTANCE_ID: 'agent-0',
      AGENT_WORKERS: '3',
    });
    expect(result).toEqual({
      ok: true,
      env: {
        provisioningKey: validEnv.PROVISIONING_KEY,
        provisioningSecret: validEnv.PROVISIONING_SECRET,
        consoleUrl: 'https://console.example.com',
        redisUrl: 'redis://127.0.0.1:6379/2',
        stateDir: '/var/lib/gatehouse',
        logLevel: 'debug',
        adminPort: 0,
        revokedGraceSeconds: 2.5,
        instanceId: 'agent-0',
        workers: 3,
      },
    });
  });

  it('names every bad variable once, with what is expected, and never echoes the secret', () => {
    const result = parseEnv({
      PROVISIONING_SECRET: 'ghk_wrong-prefix-secret-value',
      CONSOLE_URL: 'ftp://console',
      REDIS_URL: 'http://redis',
      LOG_LEVEL: 'loud',
      ADMIN_PORT: 'ninety',
      AGENT_REVOKED_GRACE_SECONDS: '-1',
      AGENT_WORKERS: '0',
    });
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems.map((problem) => problem.variable).sort()).toEqual([
      'ADMIN_PORT',
      'AGENT_REVOKED_GRACE_SECONDS',
      'AGENT_WORKERS',
      'CONSOLE_URL',
      'LOG_LEVEL',
      'PROVISIONING_KEY',
      'PROVISIONING_SECRET',
      'REDIS_URL',
    ]);
    const message = formatEnvProblems(problems);
    expect(message).toContain('PROVISIONING_KEY is not set; expected the provisioning key');
    expect(message).toContain('PROVISIONING_SECRET is not a provisioning secret; expected');
    expect(message).toContain('LOG_LEVEL is not a log level; expected one of fatal');
    expect(message).not.toContain('wrong-prefix-secret-value');
  });
});
