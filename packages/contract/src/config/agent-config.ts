import { z } from 'zod';
import { parseCidr } from '../checks/cidr';
import { ZApplicationConfig } from './application';
import { ZIdentityProviderConfig } from './identity-provider';
import { ZAssertionKey, ZSessionKey } from './keys';
import { ZId } from './primitives';

/**
 * The whole configuration of one deployment, as `GET /api/agent/v1/config` answers it.
 * `version` increases with every change the console commits for the deployment.
 */
export const ZAgentConfig = z
  .object({
    version: z.number().int().min(1),
    generatedAt: z.iso.datetime({ offset: true }),
    deployment: z.object({ id: ZId, name: z.string().min(1).max(200) }),
    sessionKeys: z.array(ZSessionKey).min(1),
    assertionKeys: z.array(ZAssertionKey).min(1),
    /** Peers whose `X-Forwarded-For` is believed when computing the client's address. */
    trustedProxies: z
      .array(
        z.string().superRefine((value, ctx) => {
          const parsed = parseCidr(value);
          if (typeof parsed === 'string') ctx.addIssue({ code: 'custom', message: parsed });
        }),
      )
      .max(200),
    identityProviders: z.array(ZIdentityProviderConfig).max(100),
    applications: z.array(ZApplicationConfig).max(200),
  })
  .superRefine((config, ctx) => {
    const idpIds = new Set<string>();
    config.identityProviders.forEach((idp, index) => {
      if (idpIds.has(idp.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['identityProviders', index, 'id'],
          message: 'duplicate id',
        });
      }
      idpIds.add(idp.id);
    });

    const appIds = new Set<string>();
    const hostsByPort = new Map<number, Set<string>>();
    config.applications.forEach((app, index) => {
      if (appIds.has(app.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['applications', index, 'id'],
          message: 'duplicate id',
        });
      }
      appIds.add(app.id);

      app.idpIds.forEach((idpId, idpIndex) => {
        if (!idpIds.has(idpId)) {
          ctx.addIssue({
            code: 'custom',
            path: ['applications', index, 'idpIds', idpIndex],
            message: `identity provider "${idpId}" is not in this configuration`,
          });
        }
      });

      // Several applications may share a listen port only if their host names tell them apart.
      const host = new URL(app.applicationUrl).host.toLowerCase();
      const hosts = hostsByPort.get(app.listenPort) ?? new Set<string>();
      if (hosts.has(host)) {
        ctx.addIssue({
          code: 'custom',
          path: ['applications', index, 'applicationUrl'],
          message: `another application already serves host "${host}" on port ${app.listenPort}`,
        });
      }
      hosts.add(host);
      hostsByPort.set(app.listenPort, hosts);
    });
  });

export type TAgentConfig = z.infer<typeof ZAgentConfig>;
export type TAgentConfigInput = z.input<typeof ZAgentConfig>;

/** The ETag of a configuration version; the agent echoes it in `If-None-Match`. */
export function configEtag(deploymentId: string, version: number): string {
  return `"${deploymentId}.${version}"`;
}
