import type Provider from 'oidc-provider';

type Interaction = Awaited<ReturnType<Provider['interactionDetails']>>;

// Every registered client is first-party, so nobody is asked to consent: the grant simply holds
// whatever the client requested (oidc-provider still limits tokens to the scopes it supports).
// Returns the id of the saved grant for the interaction result's `consent.grantId`.
export async function grantRequestedAccess(
  provider: Provider,
  interaction: Interaction,
  accountId: string,
): Promise<string> {
  const clientId = String(interaction.params.client_id);
  const existing =
    interaction.grantId === undefined ? undefined : await provider.Grant.find(interaction.grantId);
  // A grant from the session may belong to another account when someone signs in as a different
  // user; never extend that one.
  const grant =
    existing?.accountId === accountId && existing.clientId === clientId
      ? existing
      : new provider.Grant({ accountId, clientId });

  const { scope } = interaction.params;
  // The whole requested scope covers the consent prompt's missingOIDCScope too.
  grant.addOIDCScope(typeof scope === 'string' ? scope.split(' ').filter(Boolean) : []);
  const claims = asStrings(interaction.prompt.details.missingOIDCClaims);
  if (claims) {
    grant.addOIDCClaims(claims);
  }
  return grant.save();
}

function asStrings(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((item) => typeof item === 'string') : undefined;
}
