/**
 * The agent's SAML service-provider URLs for one application, exactly as the agent builds them
 * (apps/agent/src/saml/service-provider.ts): under the reserved path prefix on the application's
 * origin, with the metadata URL as entity ID. An admin registers these at the IdP.
 */
export function describeServiceProvider(application: {
  id: string;
  name: string;
  applicationUrl: string;
  reservedPathPrefix: string;
}) {
  const base = `${new URL(application.applicationUrl).origin}${application.reservedPathPrefix}/saml`;
  return {
    applicationId: application.id,
    applicationName: application.name,
    entityId: `${base}/metadata`,
    metadataUrl: `${base}/metadata`,
    acsUrl: `${base}/acs`,
    sloUrl: `${base}/slo`,
  };
}
