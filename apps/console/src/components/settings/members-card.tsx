'use client';

import { useRouter } from 'next/navigation';
import { ConfirmActionButton } from '../forms/confirm-action-button';
import { Badge } from '../ui/badge';
import { Card, CardHeader } from '../ui/card';
import { inputClass } from '../ui/input-class';
import { Table, Tbody, Td, Th } from '../ui/table';
import { useToast } from '../ui/toast';
import { formatDate } from '../deployments/deployment-table';
import { removeMemberAction, updateMemberAction } from '@/ui/actions/account-actions';
import type { TMemberResponse } from '@/server/accounts/member.types';

const ROLE_TONE = { OWNER: 'brand', ADMIN: 'blue', VIEWER: 'gray' } as const;

export function MembersCard({
  members,
  owner,
  currentUserId,
}: {
  members: TMemberResponse[];
  owner: boolean;
  currentUserId: string;
}) {
  const router = useRouter();
  const toast = useToast();
  async function changeRole(member: TMemberResponse, role: string) {
    const result = await updateMemberAction(member.id, { role });
    if (!result.ok) toast(result.message, 'error');
    else toast(`${member.email} is now ${role.toLowerCase()}`);
    router.refresh();
  }
  return (
    <Card>
      <CardHeader
        title="Members"
        description={`${members.length} member${members.length === 1 ? '' : 's'}`}
      />
      <Table label="Members">
        <thead>
          <tr>
            <Th>Member</Th>
            <Th>Role</Th>
            <Th>Joined</Th>
            {owner && <Th className="text-right">Actions</Th>}
          </tr>
        </thead>
        <Tbody>
          {members.map((member) => (
            <tr key={member.id}>
              <Td>
                <p className="font-medium text-slate-900">
                  {member.name ?? member.email}
                  {member.userId === currentUserId && (
                    <span className="ml-2 text-xs text-slate-400">(you)</span>
                  )}
                </p>
                {member.name && <p className="text-xs text-slate-500">{member.email}</p>}
              </Td>
              <Td>
                {owner ? (
                  <select
                    aria-label={`Role of ${member.email}`}
                    value={member.role}
                    onChange={(event) => void changeRole(member, event.target.value)}
                    className={inputClass(false, 'w-32')}
                  >
                    <option value="OWNER">Owner</option>
                    <option value="ADMIN">Admin</option>
                    <option value="VIEWER">Viewer</option>
                  </select>
                ) : (
                  <Badge tone={ROLE_TONE[member.role]}>{member.role.toLowerCase()}</Badge>
                )}
              </Td>
              <Td className="text-xs text-slate-500">{formatDate(member.createdAt)}</Td>
              {owner && (
                <Td className="text-right">
                  <ConfirmActionButton
                    label={member.userId === currentUserId ? 'Leave' : 'Remove'}
                    title={
                      member.userId === currentUserId
                        ? 'Leave this organization?'
                        : `Remove ${member.email}?`
                    }
                    description="They lose access at once, and their API tokens for this organization stop working."
                    confirmLabel={member.userId === currentUserId ? 'Leave' : 'Remove member'}
                    action={() => removeMemberAction(member.id)}
                    success={`${member.email} removed`}
                  />
                </Td>
              )}
            </tr>
          ))}
        </Tbody>
      </Table>
    </Card>
  );
}
