'use client';

import Link from 'next/link';
import { ConfirmActionButton } from '../forms/confirm-action-button';
import { Badge } from '../ui/badge';
import { LinkButton } from '../ui/button';
import { Card, CardHeader } from '../ui/card';
import { EmptyState } from '../ui/empty-state';
import { PlusIcon, UsersIcon } from '../ui/icons';
import { Table, Tbody, Td, Th } from '../ui/table';
import { deleteIdentityProviderAction } from '@/ui/actions/deployment-actions';
import type { TApplicationResponse } from '@/server/applications/application.types';
import type { TIdentityProviderResponse } from '@/server/identity-providers/identity-provider.types';

export function IdentityProvidersTab({
  deploymentId,
  identityProviders,
  applications,
  writer,
}: {
  deploymentId: string;
  identityProviders: TIdentityProviderResponse[];
  applications: TApplicationResponse[];
  writer: boolean;
}) {
  const appName = new Map(applications.map((app) => [app.id, app.name]));
  const add = writer && (
    <LinkButton href={`/deployments/${deploymentId}/identity-providers/new`} size="sm">
      <PlusIcon className="size-4" /> Add identity provider
    </LinkButton>
  );
  return (
    <Card>
      <CardHeader
        title="Identity providers"
        description="Where users of this deployment's applications sign in, through OpenID Connect or SAML 2.0. Client secrets are stored encrypted and never shown."
        actions={identityProviders.length > 0 && add}
      />
      {identityProviders.length === 0 ? (
        <EmptyState
          icon={<UsersIcon className="size-6" />}
          title="No identity providers yet"
          description="Applications need one before the agents serve them."
          action={add}
        />
      ) : (
        <Table label="Identity providers">
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>Issuer or entity ID</Th>
              <Th>Client ID</Th>
              <Th>Used by</Th>
              {writer && <Th className="text-right">Actions</Th>}
            </tr>
          </thead>
          <Tbody>
            {identityProviders.map((idp) => (
              <tr key={idp.id}>
                <Td>
                  <Link
                    href={`/identity-providers/${idp.id}`}
                    className="font-medium text-slate-900 hover:text-brand-700 hover:underline"
                  >
                    {idp.name}
                  </Link>{' '}
                  <Badge tone="blue">{idp.protocol}</Badge>
                </Td>
                <Td className="font-mono text-xs">{idp.issuer}</Td>
                <Td className="font-mono text-xs">{idp.clientId || '—'}</Td>
                <Td className="text-xs">
                  {idp.applicationIds.length === 0
                    ? '—'
                    : idp.applicationIds.map((id) => appName.get(id) ?? id).join(', ')}
                </Td>
                {writer && (
                  <Td className="text-right">
                    <ConfirmActionButton
                      label="Delete"
                      title={`Delete ${idp.name}?`}
                      description={
                        idp.applicationIds.length > 0
                          ? 'Applications that use only this identity provider become incomplete and agents stop serving them until they get another one.'
                          : 'No application uses it.'
                      }
                      confirmLabel="Delete identity provider"
                      action={() => deleteIdentityProviderAction(idp.id)}
                      success={`${idp.name} deleted`}
                    />
                  </Td>
                )}
              </tr>
            ))}
          </Tbody>
        </Table>
      )}
    </Card>
  );
}
