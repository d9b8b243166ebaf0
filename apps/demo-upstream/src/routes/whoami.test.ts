import { get } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoUpstream, type DemoUpstream } from '../server';
import type { WhoamiView } from '../whoami-view';

let upstream: DemoUpstream;
beforeAll(async () => {
  upstream = await startDemoUpstream({ port: 0, host: '127.0.0.1' });
});
afterAll(() => upstream.close());

async function fetchWhoamiJson(headers: Record<string, string>): Promise<WhoamiView> {
  const response = await fetch(`${upstream.url}/whoami?format=json`, { headers });
  expect(response.status).toBe(200);
  return (await response.json()) as WhoamiView;
}

describe('GET /whoami', () => {
  it('signs alice in as admin from X-Email and X-Groups, creating her on first sight', async () => {
    expect(upstream.users.findUser('alice@example.com')).toBeUndefined();

    const view = await fetchWhoamiJson({
      'X-Email': 'alice@example.com',
      'X-Groups': 'user:admin',
    });

    expect(view).toMatchObject({
      email: 'alice@example.com',
      role: 'admin',
      groups: ['user', 'admin'],
      authenticatedBy: 'header',
      method: 'GET',
      path: '/whoami',
      query: 'format=json',
    });
    expect(view.headers['x-groups']).toEqual(['user:admin']);
    expect(upstream.users.findUser('alice@example.com')).toMatchObject({ role: 'admin' });
  });

  it('ignores a request without X-Email: anonymous, and nobody is created', async () => {
    const before = upstream.users.listUsers().length;

    const view = await fetchWhoamiJson({ 'X-Groups': 'admin', 'X-Note': 'no email here' });

    expect(view).toMatchObject({ email: null, role: null, groups: [], authenticatedBy: null });
    expect(view.headers['x-note']).toEqual(['no email here']);
    expect(upstream.users.listUsers()).toHaveLength(before);
  });

  it('answers JSON to Accept: application/json and the page otherwise', async () => {
    const json = await fetch(`${upstream.url}/whoami`, { headers: { accept: 'application/json' } });
    expect(json.headers.get('content-type')).toMatch(/^application\/json/);
    const html = await fetch(`${upstream.url}/whoami`, { headers: { accept: 'text/html' } });
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await html.text()).toContain('anonymous');
  });

  it('shows who you are, the request line and every header on the page', async () => {
    const response = await fetch(`${upstream.url}/projects/7?tab=jobs`, {
      headers: { 'X-Email': 'dora@example.com', 'X-Groups': 'worker', 'X-Trace': 'trace-42' },
    });
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('dora@example.com');
    expect(html).toContain('<dd>worker</dd>');
    expect(html).toContain('GET /projects/7?tab=jobs');
    expect(html).toContain('<tr><td>X-Trace</td><td>trace-42</td></tr>');
  });

  it('HTML-escapes header values on the page', async () => {
    const response = await fetch(`${upstream.url}/`, {
      headers: { 'X-Attack': '<script>alert("x")</script>', 'X-Email': '"><img src=x>' },
    });
    const html = await response.text();
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('&quot;&gt;&lt;img src=x&gt;');
  });

  it('refuses X-Email sent twice, as two fields or folded into one, rather than trust a copy', async () => {
    const twoFields = await requestRaw('/whoami', ['alice@example.com', 'mallory@example.com']);
    expect(twoFields).toEqual({
      status: 400,
      body: '{"detail":"X-Email was sent 2 times; send it once."}',
    });

    // fetch folds repeated headers into one comma-joined field, as some proxies do.
    const folded = new Headers([
      ['X-Email', 'alice@example.com'],
      ['X-Email', 'mallory@example.com'],
    ]);
    const response = await fetch(`${upstream.url}/whoami?format=json`, { headers: folded });
    expect(response.status).toBe(400);
    expect(upstream.users.findUser('mallory@example.com')).toBeUndefined();
  });
});

// node:http sends an array header as separate fields, which fetch cannot do.
function requestRaw(path: string, emails: string[]): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = get(
      `${upstream.url}${path}`,
      { headers: { 'X-Email': emails, accept: 'application/json' } },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    request.on('error', reject);
  });
}
