// PostgreSQL restarted under load: configuration changes and agent pulls keep coming while the
// database goes down and comes back. The console recovers without a restart of its own (its
// pool and its LISTEN connection reconnect), agents keep serving throughout and converge on the
// newest version, and no pull ever gets a half-written configuration: each version is always the
// same document, every document is valid, and the two rows each change writes always agree.
import { createHash } from 'node:crypto';
import { validateAgentConfig } from '@gatehouse/contract';
import { startDemoUpstream, type DemoUpstream } from '@gatehouse/demo-upstream';
import { pollUntil } from '@gatehouse/agent/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchWhoami, signIn } from '../../src/browser/browse';
import {
  startPrivatePostgres,
  type PrivatePostgres,
} from '../../src/postgres/start-private-postgres';
import { startSecurityStack, type SecurityStack } from '../../src/start-security-stack';

let postgres: PrivatePostgres;
let upstream: DemoUpstream;
let stack: SecurityStack;
beforeAll(async () => {
  [postgres, upstream] = await Promise.all([
    startPrivatePostgres(),
    startDemoUpstream({ port: 0 }),
  ]);
  stack = await startSecurityStack({ databaseUrl: postgres.url, upstreamServers: [upstream.url] });
  await stack.startAgent('agent');
});
afterAll(async () => {
  await stack?.close();
  await Promise.all([upstream?.close(), postgres?.close()]);
});

interface PulledDocument {
  version: number;
  generatedAt: string;
  applications: Array<{ attributePass: Array<{ name: string }> }>;
}

/** The attribute pass change number `n`: two rows that carry the same marker. */
function markedRows(n: number) {
  return [
    { field: 'email', name: `X-Email-M${n}`, type: 'HEADER', join: null },
    { field: 'role', name: `X-Groups-M${n}`, type: 'HEADER', join: ':' },
  ];
}

function agentAuthorization(): string {
  const { provisioningKey, provisioningSecret } = stack.deployment;
  return `Basic ${Buffer.from(`${provisioningKey}:${provisioningSecret}`).toString('base64')}`;
}

/** A pull as an agent makes it; the key's request budget is shared with the agent, so a 429
 * (the console's rate limit doing its job) is waited out as Retry-After says. */
async function pullConfig(options: { etag?: string; waitSeconds?: number } = {}) {
  for (;;) {
    const pulled = await pullOnce(options);
    if (pulled.status !== 429) return pulled;
    await new Promise((resolve) => setTimeout(resolve, Number(pulled.retryAfter || 1) * 1000));
  }
}

async function pullOnce(options: { etag?: string; waitSeconds?: number }) {
  const response = await fetch(
    `${stack.console.url}/api/agent/v1/config?wait=${options.waitSeconds ?? 0}`,
    {
      headers: {
        authorization: agentAuthorization(),
        ...(options.etag ? { 'if-none-match': options.etag } : {}),
      },
    },
  );
  const text = await response.text();
  return {
    status: response.status,
    etag: response.headers.get('etag') ?? '',
    retryAfter: response.headers.get('retry-after'),
    text,
  };
}

describe('PostgreSQL restarted under load', () => {
  it('is survived by the console without a restart, and no half-written configuration is served', async () => {
    const alice = await signIn(`${stack.applicationUrl}/whoami`, 'alice@example.com');
    const documentsByVersion = new Map<number, Set<string>>();
    const problems: string[] = [];
    const userStatuses: number[] = [];
    let written = 0;
    let writesAfterRestart = 0;
    let restarted = false;
    let running = true;

    const writer = (async () => {
      for (let n = 1; running; n += 1) {
        try {
          await stack.api.call(
            'PUT',
            `applications/${stack.deployment.applicationId}/attribute-pass`,
            {
              rows: markedRows(n),
            },
          );
          written = n;
          if (restarted) writesAfterRestart += 1;
        } catch {
          // The database is down: the console says so; the next change tries again.
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    const puller = async () => {
      while (running) {
        const pulled = await pullOnce({}).catch(() => null);
        if (pulled?.status === 200) {
          const document = JSON.parse(pulled.text) as PulledDocument;
          if (!validateAgentConfig(document).ok)
            problems.push(`version ${document.version} is invalid`);
          const names = document.applications[0]?.attributePass.map((row) => row.name) ?? [];
          const markers = new Set(names.map((name) => /-M(\d+)$/.exec(name)?.[1] ?? 'none'));
          if (markers.size > 1)
            problems.push(`version ${document.version} mixes ${[...markers].join(', ')}`);
          const { generatedAt: _generatedAt, ...content } = document;
          const hash = createHash('sha256').update(JSON.stringify(content)).digest('hex');
          const seen = documentsByVersion.get(document.version) ?? new Set();
          seen.add(hash);
          documentsByVersion.set(document.version, seen);
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    const pullers = [puller(), puller()];
    const user = (async () => {
      while (running) {
        userStatuses.push((await fetchWhoami(alice, stack.applicationUrl)).status);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();

    await pollUntil(
      () => written,
      (count) => count >= 5,
      30_000,
    );
    await postgres.stop();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await postgres.start();
    restarted = true;
    await pollUntil(
      () => writesAfterRestart,
      (count) => count >= 5,
      60_000,
    );
    running = false;
    await Promise.all([writer, ...pullers, user]);

    expect(problems).toEqual([]);
    const ambiguous = [...documentsByVersion].filter(([, hashes]) => hashes.size > 1);
    expect(ambiguous.map(([version]) => version)).toEqual([]);
    // Agents kept serving from the configuration they had, database or not.
    expect(userStatuses.filter((status) => status !== 200)).toEqual([]);

    // The LISTEN connection came back too: a long poll is woken by the next change.
    const current = await pullConfig();
    const waiting = pullConfig({ etag: current.etag, waitSeconds: 20 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    await stack.api.call('PUT', `applications/${stack.deployment.applicationId}/attribute-pass`, {
      rows: markedRows(written + 1000),
    });
    const woken = await waiting;
    expect(woken.status).toBe(200);
    expect((JSON.parse(woken.text) as PulledDocument).version).toBeGreaterThan(
      Math.max(...documentsByVersion.keys()),
    );

    // And the agent converges on it.
    const seen = await pollUntil(
      () => fetchWhoami(alice, stack.applicationUrl),
      (answer) => answer.whoami?.headers[`x-email-m${written + 1000}`]?.[0] === 'alice@example.com',
      30_000,
    );
    expect(seen.status).toBe(200);
  });
});
