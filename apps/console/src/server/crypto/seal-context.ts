/**
 * The additional authenticated data each kind of sealed secret is bound to: its purpose and its
 * organization, so a ciphertext cannot be replayed into another column or another tenant's row.
 */
export const sealContext = {
  identityProviderSecret: (organizationId: string) => `identity-provider-secret:${organizationId}`,
  deploymentKey: (organizationId: string) => `deployment-key:${organizationId}`,
};
