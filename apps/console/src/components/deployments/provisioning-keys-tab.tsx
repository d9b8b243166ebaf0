'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { Card, CardBody, CardHeader } from '../ui/card';
import { CopyField } from '../ui/code-block';
import { ConfirmButton } from '../ui/confirm-button';
import { TextField } from '../ui/field';
import { Alert } from '../ui/alert';
import { Table, Tbody, Td, Th } from '../ui/table';
import { useToast } from '../ui/toast';
import { formatDate } from './deployment-table';
import {
  createProvisioningKeyAction,
  revokeProvisioningKeyAction,
} from '@/ui/actions/deployment-actions';
import type { FieldErrors } from '@/ui/action-result';
import type { TProvisioningKeyResponse } from '@/server/provisioning-keys/provisioning-key.types';

const TONE = { ACTIVE: 'green', EXPIRED: 'amber', REVOKED: 'gray' } as const;

export function ProvisioningKeysTab({
  deploymentId,
  keys,
  writer,
}: {
  deploymentId: string;
  keys: TProvisioningKeyResponse[];
  writer: boolean;
}) {
  const router = useRouter();
  const toast = useToast();
  const [name, setName] = useState('');
  const [expires, setExpires] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<{ key: string; secret: string } | null>(null);

  async function create() {
    setBusy(true);
    // A date picks the end of that day, UTC.
    const expiresAt = expires ? new Date(`${expires}T23:59:59Z`).toISOString() : undefined;
    const result = await createProvisioningKeyAction(deploymentId, { name, expiresAt });
    setBusy(false);
    if (!result.ok) {
      setErrors(
        Object.keys(result.fieldErrors).length ? result.fieldErrors : { name: result.message },
      );
      return;
    }
    setErrors({});
    setName('');
    setExpires('');
    setCreated({ key: result.data.key, secret: result.data.secret });
    router.refresh();
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
            <form
              noValidate
              className="grid items-start gap-4 md:grid-cols-[1fr_220px_auto]"
              onSubmit={(event) => {
                event.preventDefault();
                void create();
              }}
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
              <Button type="submit" busy={busy} className="md:mt-6">
                Create key
              </Button>
            </form>
            {created && (
              <Alert
                tone="warning"
                title="Copy the secret now: it is shown only once"
                className="mt-4"
              >
                <div className="mt-2 grid gap-3 md:grid-cols-2">
                  <CopyField value={created.key} label="provisioning key" />
                  <CopyField value={created.secret} label="provisioning secret" />
                </div>
              </Alert>
            )}
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
                    <Badge tone={TONE[key.status]} dot>
                      {key.status.toLowerCase()}
                    </Badge>
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
                        <ConfirmButton
                          label="Revoke"
                          title={`Revoke ${key.name}?`}
                          description="Agents using this key stop serving their applications within a second and show a clear error page. This cannot be undone."
                          confirmLabel="Revoke key"
                          onConfirm={async () => {
                            const result = await revokeProvisioningKeyAction(key.id);
                            if (!result.ok) {
                              toast(result.message, 'error');
                              return false;
                            }
                            toast(`${key.name} revoked`);
                            router.refresh();
                          }}
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
