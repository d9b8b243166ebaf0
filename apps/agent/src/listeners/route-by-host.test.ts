import { buildSampleApplication } from '@gatehouse/contract/testing';
import { describe, expect, it } from 'vitest';
import type { CompiledApplication } from '../runtime/compiled-config';
import { createHostRouter } from './route-by-host';

function application(id: string, applicationUrl: string): CompiledApplication {
  return {
    config: buildSampleApplication({ id, applicationUrl }),
    host: new URL(applicationUrl).host.toLowerCase(),
    handleRequest: () => undefined,
    handleUpgrade: () => undefined,
  };
}

describe('createHostRouter', () => {
  it('sends every host to the only application of a port', () => {
    const route = createHostRouter([application('a', 'https://a.example.com')]);
    expect(route('10.0.0.7:9772')?.config.id).toBe('a');
    expect(route(undefined)?.config.id).toBe('a');
  });

  it('tells applications of a shared port apart by host, case-insensitively', () => {
    const route = createHostRouter([
      application('a', 'https://a.example.com'),
      application('b', 'http://b.example.com:8443'),
    ]);
    expect(route('A.Example.com')?.config.id).toBe('a');
    expect(route('b.example.com:8443')?.config.id).toBe('b');
    // Behind a load balancer the browser's port differs from the application URL's.
    expect(route('a.example.com:9772')?.config.id).toBe('a');
    expect(route('b.example.com')?.config.id).toBe('b');
    expect(route('c.example.com')).toBeUndefined();
    expect(route(undefined)).toBeUndefined();
  });

  it('needs the exact port when two applications share a host name', () => {
    const route = createHostRouter([
      application('a', 'http://apps.example.com:8001'),
      application('b', 'http://apps.example.com:8002'),
    ]);
    expect(route('apps.example.com:8002')?.config.id).toBe('b');
    expect(route('apps.example.com')).toBeUndefined();
  });
});
