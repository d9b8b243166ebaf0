import type { Application } from '@gatehouse/db';
import type { TUpdateApplicationRequest } from './application.types';

type ApplicationColumns = Partial<
  Omit<
    Application,
    'id' | 'organizationId' | 'deploymentId' | 'createdAt' | 'updatedAt' | 'defaultRole'
  >
>;

/** API shape → columns, for whichever fields are present (absent ones stay undefined). */
export function toApplicationColumns(input: TUpdateApplicationRequest): ApplicationColumns {
  return {
    type: input.type,
    name: input.name,
    description: input.description,
    applicationUrl: input.applicationUrl,
    listenPort: input.listenPort,
    upstreamServers: input.upstreamServers,
    preserveHost: input.preserveHost,
    reservedPathPrefix: input.reservedPathPrefix,
    sessionMaxAgeSeconds: input.session?.maxAgeSeconds,
    sessionIdleTimeoutSeconds: input.session?.idleTimeoutSeconds,
    singleSignOut: input.logout?.singleSignOut,
    postLogoutRedirectUrl: input.logout?.postLogoutRedirectUrl,
    assertionHeaderName: input.assertion?.headerName,
    assertionTtlSeconds: input.assertion?.ttlSeconds,
    defaultAction: input.defaultAction,
  };
}
