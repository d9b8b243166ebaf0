'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Alert } from '../ui/alert';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { Card, CardBody, CardHeader } from '../ui/card';
import { CopyField } from '../ui/code-block';
import { ConfirmButton } from '../ui/confirm-button';
import { EmptyState } from '../ui/empty-state';
import { SelectField, TextField } from '../ui/field';
import { KeyIcon } from '../ui/icons';
import { Table, Tbody, Td, Th } from '../ui/table';
import { useToast } from '../ui/toast';
import { formatDate } from '../deployments/deployment-table';
import { createApiTokenAction, revokeApiTokenAction } from '@/ui/actions/account-actions';
import type { FieldErrors } from '@/ui/action-result';
import type { TApiTokenResponse } from '@/server/accounts/api-token.types';

const TONE = { ACTIVE: 'green', EXPIRED: 'amber', REVOKED: 'gray' } as const;
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
  const router = useRouter();
  const toast = useToast();
  const [name, setName] = useState('');
  const [tokenRole, setTokenRole] = useState('');
  const [expires, setExpires] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<string | null>(null);

  async function create() {
    setBusy(true);
    const result = await createApiTokenAction({
      name,
      role: tokenRole || undefined,
      expiresAt: expires ? new Date(`${expires}T23:59:59Z`).toISOString() : undefined,
    });
    setBusy(false);
    if (!result.ok) {
      setErrors(
        Object.keys(result.fieldErrors).length ? result.fieldErrors : { name: result.message },
      );
      return;
    }
    setErrors({});
    setName('');
    setCreated(result.data.token);
    router.refresh();
  }

  return (
    <div className="space-y-6">
      <Card>
        <CardHeader title="Create a token" />
        <CardBody>
          <form
            noValidate
            className="grid items-start gap-4 md:grid-cols-[1fr_200px_180px_auto]"
            onSubmit={(event) => {
              event.preventDefault();
              void create();
            }}
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
            <Button type="submit" busy={busy} className="md:mt-6">
              Create token
            </Button>
          </form>
          {created && (
            <Alert
              tone="warning"
              title="Copy the token now: it is shown only once"
              className="mt-4"
            >
              <div className="mt-2">
                <CopyField value={created} label="API token" />
              </div>
            </Alert>
          )}
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
                    <Badge tone={TONE[token.status]} dot>
                      {token.status.toLowerCase()}
                    </Badge>
                  </Td>
                  <Td className="text-xs text-slate-500">
                    {token.lastUsedAt ? formatDate(token.lastUsedAt) : 'Never'}
                  </Td>
                  <Td className="text-xs text-slate-500">
                    {token.expiresAt ? formatDate(token.expiresAt) : 'Never'}
                  </Td>
                  <Td className="text-right">
                    {token.status === 'ACTIVE' && (
                      <ConfirmButton
                        label="Revoke"
                        title={`Revoke ${token.name}?`}
                        description="Anything using it gets 401 from now on. This cannot be undone."
                        confirmLabel="Revoke token"
                        onConfirm={async () => {
                          const result = await revokeApiTokenAction(token.id);
                          if (!result.ok) {
                            toast(result.message, 'error');
                            return false;
                          }
                          toast(`${token.name} revoked`);
                          router.refresh();
                        }}
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
