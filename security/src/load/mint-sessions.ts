// Sessions minted the way a deployment's key holder can: sealed with the deployment's session keys
// (from the agent API, as every agent gets them), so thousands of users need not each sign in at
// the IdP. Any replica of the deployment must accept every one of them.
import { randomBytes } from 'node:crypto';
import { createSessionKeyring, type Session } from '@gatehouse/agent/testing';
import type { TAgentConfig } from '@gatehouse/contract';

export async function mintSessionCookies(document: TAgentConfig, count: number): Promise<string[]> {
  const keyring = createSessionKeyring(document.sessionKeys);
  const application = document.applications[0];
  const idp = document.identityProviders[0];
  if (!application || !idp) throw new Error('the deployment has no application or IdP');
  const now = Math.floor(Date.now() / 1000);
  return Promise.all(
    Array.from({ length: count }, (_, index) => {
      const session: Session = {
        kind: 'session',
        id: randomBytes(32).toString('base64url'),
        deploymentId: document.deployment.id,
        applicationId: application.id,
        identity: {
          idpId: idp.id,
          sub: `load-user-${index}`,
          email: `user${index}@load.example.test`,
          username: `user${index}`,
          firstName: null,
          lastName: null,
          groups: index % 2 === 0 ? ['cvat-users'] : ['cvat-workers'],
          claims: {},
        },
        createdAt: now,
        expiresAt: now + 3600,
        lastSeenAt: now,
        idToken: null,
        refreshToken: null,
        refreshAt: null,
      };
      return keyring.seal(session);
    }),
  );
}
