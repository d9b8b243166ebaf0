/**
 * The agent's own SAML service-provider endpoints for one application, under its reserved path
 * prefix. The entity ID is the metadata URL, so an IdP admin can paste one URL and be done; the
 * console shows the same URLs (apps/console … identity-providers/describe-service-provider.ts).
 */
export interface ServiceProvider {
  /** `<origin><prefix>/saml/metadata`: the SP's entity ID, the assertions' only Audience. */
  entityId: string;
  metadataUrl: string;
  /** `<origin><prefix>/saml/acs`: the AssertionConsumerService (HTTP-POST binding). */
  acsUrl: string;
  /** `<origin><prefix>/saml/slo`: where the IdP sends LogoutResponses (HTTP-Redirect binding). */
  sloUrl: string;
}

export function describeServiceProvider(origin: string, prefix: string): ServiceProvider {
  const base = `${origin}${prefix}/saml`;
  return {
    entityId: `${base}/metadata`,
    metadataUrl: `${base}/metadata`,
    acsUrl: `${base}/acs`,
    sloUrl: `${base}/slo`,
  };
}
