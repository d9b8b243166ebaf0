import { Card, CardBody, CardHeader } from '../ui/card';
import { DescriptionList } from '../ui/description-list';
import type { TIdentityProviderResponse } from '@/server/identity-providers/identity-provider.types';

/** What viewers see instead of the editor: the settings, read-only. */
export function IdentityProviderSummary({
  idp,
  providerLabel,
}: {
  idp: TIdentityProviderResponse;
  providerLabel: string;
}) {
  const common = [
    { label: 'Name', value: idp.name },
    { label: 'Protocol', value: idp.protocol === 'SAML' ? 'SAML 2.0' : 'OpenID Connect (OIDC)' },
    { label: 'Identity provider', value: providerLabel },
  ];
  const protocol = idp.saml
    ? [
        { label: 'NameID format', value: <code>{idp.saml.nameIdFormat}</code> },
        { label: 'Clock skew', value: `${idp.saml.clockSkewSeconds} seconds` },
        { label: 'E-mail attribute', value: <code>{idp.claims.email}</code> },
        { label: 'Username attribute', value: <code>{idp.claims.username}</code> },
        { label: 'Groups attribute', value: <code>{idp.claims.groups}</code> },
        {
          label: 'Signatures required',
          value:
            [
              idp.saml.wantAssertionsSigned && 'assertion',
              idp.saml.wantResponseSigned && 'response',
            ]
              .filter(Boolean)
              .join(' and ') || '—',
        },
      ]
    : [
        { label: 'Issuer', value: <code>{idp.issuer}</code> },
        { label: 'Client ID', value: <code>{idp.clientId}</code> },
        { label: 'Scopes', value: <code>{idp.scopes.join(' ')}</code> },
        {
          label: 'Claims',
          value: <code>{`${idp.claims.email}, ${idp.claims.username}, ${idp.claims.groups}`}</code>,
        },
      ];
  return (
    <Card>
      <CardHeader title="Settings" />
      <CardBody>
        <DescriptionList items={[...common, ...protocol]} />
      </CardBody>
    </Card>
  );
}
