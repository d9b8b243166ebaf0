'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Alert } from '../ui/alert';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { Card, CardBody, CardHeader } from '../ui/card';
import { CopyField } from '../ui/code-block';
import { ConfirmButton } from '../ui/confirm-button';
import { SelectField, TextField } from '../ui/field';
import { Table, Tbody, Td, Th } from '../ui/table';
import { useToast } from '../ui/toast';
import { formatDate } from '../deployments/deployment-table';
import { createInvitationAction, revokeInvitationAction } from '@/ui/actions/account-actions';
import type { FieldErrors } from '@/ui/action-result';
import type { TInvitationResponse } from '@/server/accounts/invitation.types';

export function InvitationsCard({ invitations }: { invitations: TInvitationResponse[] }) {
  const router = useRouter();
  const toast = useToast();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState('VIEWER');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [link, setLink] = useState<{ email: string; url: string } | null>(null);

  async function invite() {
    setBusy(true);
    const result = await createInvitationAction({ email, role });
    setBusy(false);
    if (!result.ok) {
      setErrors(
        Object.keys(result.fieldErrors).length ? result.fieldErrors : { email: result.message },
      );
      return;
    }
    setErrors({});
    setEmail('');
    setLink({ email: result.data.email, url: result.data.acceptUrl });
    router.refresh();
  }

  const pending = invitations.filter((invitation) => invitation.status === 'PENDING');
  return (
    <Card>
      <CardHeader
        title="Invitations"
        description="The console sends no e-mail: pass the link on yourself. It works once, for seven days."
      />
      <CardBody>
        <form
          noValidate
          className="grid items-start gap-4 md:grid-cols-[1fr_180px_auto]"
          onSubmit={(event) => {
            event.preventDefault();
            void invite();
          }}
        >
          <TextField
            label="E-mail"
            type="email"
            value={email}
            onChange={setEmail}
            error={errors.email}
          />
          <SelectField
            label="Role"
            value={role}
            onChange={setRole}
            error={errors.role}
            options={[
              { value: 'VIEWER', label: 'Viewer' },
              { value: 'ADMIN', label: 'Admin' },
            ]}
          />
          <Button type="submit" busy={busy} className="md:mt-6">
            Invite
          </Button>
        </form>
        {link && (
          <Alert
            tone="success"
            title={`Send this link to ${link.email}; it is shown only once`}
            className="mt-4"
          >
            <div className="mt-2">
              <CopyField value={link.url} label="invitation link" />
            </div>
          </Alert>
        )}
      </CardBody>
      {pending.length > 0 && (
        <Table label="Pending invitations">
          <thead>
            <tr>
              <Th>E-mail</Th>
              <Th>Role</Th>
              <Th>Expires</Th>
              <Th className="text-right">Actions</Th>
            </tr>
          </thead>
          <Tbody>
            {pending.map((invitation) => (
              <tr key={invitation.id}>
                <Td className="font-medium text-slate-900">{invitation.email}</Td>
                <Td>
                  <Badge>{invitation.role.toLowerCase()}</Badge>
                </Td>
                <Td className="text-xs text-slate-500">{formatDate(invitation.expiresAt)}</Td>
                <Td className="text-right">
                  <ConfirmButton
                    label="Revoke"
                    title={`Revoke the invitation for ${invitation.email}?`}
                    description="The link stops working at once."
                    confirmLabel="Revoke invitation"
                    onConfirm={async () => {
                      const result = await revokeInvitationAction(invitation.id);
                      if (!result.ok) {
                        toast(result.message, 'error');
                        return false;
                      }
                      toast('Invitation revoked');
                      router.refresh();
                    }}
                  />
                </Td>
              </tr>
            ))}
          </Tbody>
        </Table>
      )}
    </Card>
  );
}
