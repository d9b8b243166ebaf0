'use client';

import { useState } from 'react';
import { ConfirmActionButton } from '../forms/confirm-action-button';
import { IssueForm, useIssue } from '../forms/issue-form';
import { Badge } from '../ui/badge';
import { Card, CardBody, CardHeader } from '../ui/card';
import { SelectField, TextField } from '../ui/field';
import { Table, Tbody, Td, Th } from '../ui/table';
import { formatDate } from '../deployments/deployment-table';
import { createInvitationAction, revokeInvitationAction } from '@/ui/actions/account-actions';
import type {
  TCreateInvitationResponse,
  TInvitationResponse,
} from '@/server/accounts/invitation.types';

export function InvitationsCard({ invitations }: { invitations: TInvitationResponse[] }) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState('VIEWER');
  const { errors, busy, issued, issue } = useIssue<TCreateInvitationResponse>('email');

  async function invite() {
    if (await issue(() => createInvitationAction({ email, role }))) setEmail('');
  }

  const pending = invitations.filter((invitation) => invitation.status === 'PENDING');
  return (
    <Card>
      <CardHeader
        title="Invitations"
        description="The console sends no e-mail: pass the link on yourself. It works once, for seven days."
      />
      <CardBody>
        <IssueForm
          columns="md:grid-cols-[1fr_180px_auto]"
          submitLabel="Invite"
          busy={busy}
          onSubmit={() => void invite()}
          shownOnce={
            issued && {
              tone: 'success',
              title: `Send this link to ${issued.email}; it is shown only once`,
              values: [{ label: 'invitation link', value: issued.acceptUrl }],
            }
          }
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
        </IssueForm>
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
                  <ConfirmActionButton
                    label="Revoke"
                    title={`Revoke the invitation for ${invitation.email}?`}
                    description="The link stops working at once."
                    confirmLabel="Revoke invitation"
                    action={() => revokeInvitationAction(invitation.id)}
                    success="Invitation revoked"
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
