'use client';

import { useState } from 'react';
import { ConfirmActionButton } from '../forms/confirm-action-button';
import { IssueForm, useIssue } from '../forms/issue-form';
import { CredentialStatusBadge } from '../ui/credential-status-badge';
import { Card, CardBody, CardHeader } from '../ui/card';
import { TextField } from '../ui/field';
import { Table, Tbody, Td, Th } from '../ui/table';
import { formatDate } from './deployment-table';
import {
  createProvisioningKeyAction,
  revokeProvisioningKeyAction,
} from '@/ui/actions/deployment-actions';
import type {
  TCreateProvisioningKeyResponse,
  TProvisioningKeyResponse,
} from '@/server/provisioning-keys/provisioning-key.types';

export function ProvisioningKeysTab({
  deploymentId,
  keys,
  writer,
}: {
  deploymentId: string;
  keys: TProvisioningKeyResponse[];
  writer: boolean;
}) {
  const [name, setName] = useState('');
  const [expires, setExpires] = useState('');
  const { errors, busy, issued, issue } = useIssue<TCreateProvisioningKeyResponse>('name');

  async function create() {
    // A date picks the end of that day, UTC.
    const expiresAt = expires ? new Date(`${expires}T23:59:59Z`).toISOString() : undefined;
    if (await issue(() => createProvisioningKeyAction(deploymentId, { name, expiresAt }))) {
      setName('');
      setExpires('');
    }
  }

  return (
    <div className="space-y-6">
      {writer && (
        <Card>
          <CardHeader
            title="Create a provisioning key"
            description="Agents authenticate to the console with a key and its secret. One key can serve every agent of the deployment."
          />
          <CardBody>
            <IssueForm
              columns="md:grid-cols-[1fr_220px_auto]"
              submitLabel="Create key"
              busy={busy}
              onSubmit={() => void create()}
              shownOnce={
                issued && {
                  title: 'Copy the secret now: it is shown only once',
                  values: [
                    { label: 'provisioning key', value: issued.key },
                    { label: 'provisioning secret', value: issued.secret },
                  ],
                }
              }
            >
              <TextField
                label="Name"
                hint="Where it is used, e.g. cluster-eu-1."
                value={name}
                onChange={setName}
                error={errors.name}
              />
              <TextField
                label="Expires on"
                type="date"
                optional
                hint="Empty: never expires."
                value={expires}
                onChange={setExpires}
                error={errors.expiresAt}
              />
            </IssueForm>
          </CardBody>
        </Card>
      )}
      <Card>
        <CardHeader
          title="Provisioning keys"
          description="Revoking a key stops its agents from serving within a second."
        />
        {keys.length === 0 ? (
          <CardBody>
            <p className="text-sm text-slate-500">No keys yet.</p>
          </CardBody>
        ) : (
          <Table label="Provisioning keys">
            <thead>
              <tr>
                <Th>Name</Th>
                <Th>Key</Th>
                <Th>Status</Th>
                <Th>Expires</Th>
                <Th>Last used</Th>
                {writer && <Th className="text-right">Actions</Th>}
              </tr>
            </thead>
            <Tbody>
              {keys.map((key) => (
                <tr key={key.id}>
                  <Td className="font-medium text-slate-900">{key.name}</Td>
                  <Td className="font-mono text-xs">
                    {key.key}
                    <p className="text-slate-400">secret {key.secretPrefix}…</p>
                  </Td>
                  <Td>
                    <CredentialStatusBadge status={key.status} />
                  </Td>
                  <Td className="text-xs text-slate-500">
                    {key.expiresAt ? formatDate(key.expiresAt) : 'Never'}
                  </Td>
                  <Td className="text-xs text-slate-500">
                    {key.lastUsedAt ? formatDate(key.lastUsedAt) : 'Never'}
                  </Td>
                  {writer && (
                    <Td className="text-right">
                      {key.status === 'ACTIVE' && (
                        <ConfirmActionButton
                          label="Revoke"
                          title={`Revoke ${key.name}?`}
                          description="Agents using this key stop serving their applications within a second and show a clear error page. This cannot be undone."
                          confirmLabel="Revoke key"
                          action={() => revokeProvisioningKeyAction(key.id)}
                          success={`${key.name} revoked`}
                        />
                      )}
                    </Td>
                  )}
                </tr>
              ))}
            </Tbody>
          </Table>
        )}
      </Card>
    </div>
  );
}
