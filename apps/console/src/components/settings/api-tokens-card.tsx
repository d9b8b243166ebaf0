'use client';

import { useState } from 'react';
import { ConfirmActionButton } from '../forms/confirm-action-button';
import { IssueForm, useIssue } from '../forms/issue-form';
import { Badge } from '../ui/badge';
import { CredentialStatusBadge } from '../ui/credential-status-badge';
import { Card, CardBody, CardHeader } from '../ui/card';
import { EmptyState } from '../ui/empty-state';
import { SelectField, TextField } from '../ui/field';
import { KeyIcon } from '../ui/icons';
import { Table, Tbody, Td, Th } from '../ui/table';
import { formatDate } from '../deployments/deployment-table';
import { createApiTokenAction, revokeApiTokenAction } from '@/ui/actions/account-actions';
import type { TApiTokenResponse, TCreateApiTokenResponse } from '@/server/accounts/api-token.types';

const ROLES = {
  OWNER: ['OWNER', 'ADMIN', 'VIEWER'],
  ADMIN: ['ADMIN', 'VIEWER'],
  VIEWER: ['VIEWER'],
} as const;

export function ApiTokensCard({
  tokens,
  role,
  seesAll,
  currentUserId,
}: {
  tokens: TApiTokenResponse[];
  role: 'OWNER' | 'ADMIN' | 'VIEWER';
  seesAll: boolean;
  currentUserId: string;
}) {
  const [name, setName] = useState('');
  const [tokenRole, setTokenRole] = useState('');
  const [expires, setExpires] = useState('');
  const { errors, busy, issued, issue } = useIssue<TCreateApiTokenResponse>('name');

  async function create() {
    const issuedNow = await issue(() =>
      createApiTokenAction({
        name,
        role: tokenRole || undefined,
        expiresAt: expires ? new Date(`${expires}T23:59:59Z`).toISOString() : undefined,
      }),
    );
    if (issuedNow) setName('');
  }

  return (
    <div className="space-y-6">
      <Card>
        <CardHeader title="Create a token" />
        <CardBody>
          <IssueForm
            columns="md:grid-cols-[1fr_200px_180px_auto]"
            submitLabel="Create token"
            busy={busy}
            onSubmit={() => void create()}
            shownOnce={
              issued && {
                title: 'Copy the token now: it is shown only once',
                values: [{ label: 'API token', value: issued.token }],
              }
            }
          >
            <TextField
              label="Name"
              hint="What uses it, e.g. terraform."
              value={name}
              onChange={setName}
              error={errors.name}
            />
            <SelectField
              label="Acts as"
              value={tokenRole}
              onChange={setTokenRole}
              error={errors.role}
              options={[
                { value: '', label: 'My role' },
                ...ROLES[role].map((value) => ({ value, label: value.toLowerCase() })),
              ]}
            />
            <TextField
              label="Expires on"
              type="date"
              optional
              value={expires}
              onChange={setExpires}
              error={errors.expiresAt}
            />
          </IssueForm>
        </CardBody>
      </Card>
      <Card>
        <CardHeader title={seesAll ? 'Tokens of the organization' : 'Your tokens'} />
        {tokens.length === 0 ? (
          <EmptyState
            icon={<KeyIcon className="size-6" />}
            title="No tokens yet"
            description="Create one above for scripts and automation."
          />
        ) : (
          <Table label="API tokens">
            <thead>
              <tr>
                <Th>Name</Th>
                <Th>Token</Th>
                <Th>Status</Th>
                <Th>Last used</Th>
                <Th>Expires</Th>
                <Th className="text-right">Actions</Th>
              </tr>
            </thead>
            <Tbody>
              {tokens.map((token) => (
                <tr key={token.id}>
                  <Td>
                    <span className="font-medium text-slate-900">{token.name}</span>
                    {token.role && (
                      <span className="ml-2">
                        <Badge>{token.role.toLowerCase()}</Badge>
                      </span>
                    )}
                    {seesAll && token.userId !== currentUserId && (
                      <p className="text-xs text-slate-500">another member&apos;s</p>
                    )}
                  </Td>
                  <Td className="font-mono text-xs">{token.tokenPrefix}…</Td>
                  <Td>
                    <CredentialStatusBadge status={token.status} />
                  </Td>
                  <Td className="text-xs text-slate-500">
                    {token.lastUsedAt ? formatDate(token.lastUsedAt) : 'Never'}
                  </Td>
                  <Td className="text-xs text-slate-500">
                    {token.expiresAt ? formatDate(token.expiresAt) : 'Never'}
                  </Td>
                  <Td className="text-right">
                    {token.status === 'ACTIVE' && (
                      <ConfirmActionButton
                        label="Revoke"
                        title={`Revoke ${token.name}?`}
                        description="Anything using it gets 401 from now on. This cannot be undone."
                        confirmLabel="Revoke token"
                        action={() => revokeApiTokenAction(token.id)}
                        success={`${token.name} revoked`}
                      />
                    )}
                  </Td>
                </tr>
              ))}
            </Tbody>
          </Table>
        )}
      </Card>
    </div>
  );
}
