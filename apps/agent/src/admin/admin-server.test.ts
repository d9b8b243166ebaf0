import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { probe } from '../control/testing/http-probe';
import { createAgentMetrics } from '../observability/metrics';
import { startAdminServer, type AdminServer } from './admin-server';

let admin: AdminServer | undefined;
afterEach(async () => {
  await admin?.close();
  admin = undefined;
});

describe('admin server', () => {
  it('answers liveness always, readiness as told, and metrics in Prometheus text', async () => {
    let ready = false;
    const metrics = createAgentMetrics();
    metrics.configVersion.set(7);
    admin = await startAdminServer({
      port: 0,
      host: '127.0.0.1',
      isReady: () => ready,
      registry: metrics.registry,
      log: pino({ level: 'silent' }),
    });

    expect(await probe(`${admin.url}/healthz`)).toMatchObject({ status: 200, body: 'ok\n' });
    expect((await probe(`${admin.url}/readyz`)).status).toBe(503);
    ready = true;
    expect((await probe(`${admin.url}/readyz`)).status).toBe(200);

    const scraped = await probe(`${admin.url}/metrics`);
    expect(scraped.status).toBe(200);
    expect(scraped.headers['content-type']).toContain('text/plain; version=0.0.4');
    expect(scraped.body).toContain('gatehouse_agent_config_version 7');
    expect(scraped.body).toContain('# TYPE gatehouse_agent_requests_total counter');

    expect((await probe(`${admin.url}/anything`)).status).toBe(404);
  });
});
