import type { Application, ApplicationIdentityProvider } from '@gatehouse/db';
import { applicationStatus } from '../agent-config/application-status';
import { toIso } from '../shared/common.types';
import type { TApplicationResponse } from './application.types';

export type ApplicationWithIdps = Application & {
  identityProviders: ApplicationIdentityProvider[];
};

/** Include for every application query whose result is mapped. */
export const APPLICATION_INCLUDE = {
  identityProviders: { orderBy: { position: 'asc' } },
} as const;

export function mapApplication(app: ApplicationWithIdps): TApplicationResponse {
  return {
    id: app.id,
    deploymentId: app.deploymentId,
    type: 'WEB',
    name: app.name,
    description: app.description,
    applicationUrl: app.applicationUrl,
    listenPort: app.listenPort,
    upstreamServers: app.upstreamServers,
    preserveHost: app.preserveHost,
    reservedPathPrefix: app.reservedPathPrefix,
    idpIds: app.identityProviders.map((link) => link.identityProviderId),
    session: {
      maxAgeSeconds: app.sessionMaxAgeSeconds,
      idleTimeoutSeconds: app.sessionIdleTimeoutSeconds,
    },
    logout: { singleSignOut: app.singleSignOut, postLogoutRedirectUrl: app.postLogoutRedirectUrl },
    assertion: { headerName: app.assertionHeaderName, ttlSeconds: app.assertionTtlSeconds },
    defaultAction: app.defaultAction,
    ...applicationStatus(app),
    createdAt: toIso(app.createdAt),
    updatedAt: toIso(app.updatedAt),
  };
}
