import type { CompiledApplication } from '../runtime/compiled-config';

export type HostRouter = (hostHeader: string | undefined) => CompiledApplication | undefined;

/**
 * Picks the application of one listen port for a request's Host header. A port with a single
 * application serves every host name (the usual container setup, behind any address). Several
 * applications on one port are told apart by `host[:port]` of their application URL; when the
 * port part differs (a load balancer on 443 in front of port 9772), the host name alone decides,
 * unless two applications share it.
 */
export function createHostRouter(applications: readonly CompiledApplication[]): HostRouter {
  const only = applications.length === 1 ? applications[0] : undefined;
  if (only) return () => only;

  const byHost = new Map<string, CompiledApplication>();
  const byHostname = new Map<string, CompiledApplication | null>();
  for (const application of applications) {
    byHost.set(application.host, application);
    const hostname = stripPort(application.host);
    // null marks a host name two applications share: only an exact host[:port] picks then.
    byHostname.set(hostname, byHostname.has(hostname) ? null : application);
  }
  return (hostHeader) => {
    if (hostHeader === undefined) return undefined;
    const host = hostHeader.toLowerCase();
    return byHost.get(host) ?? byHostname.get(stripPort(host)) ?? undefined;
  };
}

function stripPort(host: string): string {
  return host.replace(/:\d+$/, '');
}
