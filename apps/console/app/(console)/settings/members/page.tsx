import { InvitationsCard } from '@/components/settings/invitations-card';
import { MembersCard } from '@/components/settings/members-card';
import { PageHeader } from '@/components/ui/page-header';
import { listInvitations } from '@/server/accounts/list-invitations';
import { listMembers } from '@/server/accounts/list-members';
import { isOwner, requirePageActor } from '@/ui/session';

export const metadata = { title: 'Members · Gatehouse' };

export default async function MembersPage() {
  const actor = await requirePageActor();
  const owner = isOwner(actor);
  const [{ members }, invitations] = await Promise.all([
    listMembers(actor),
    owner ? listInvitations(actor).then((list) => list.invitations) : Promise.resolve([]),
  ]);
  return (
    <>
      <PageHeader
        title="Members"
        description="Owners manage members and invitations; admins change configuration; viewers see everything and change nothing."
      />
      <div className="space-y-6">
        <MembersCard members={members} owner={owner} currentUserId={actor.userId} />
        {owner && <InvitationsCard invitations={invitations} />}
      </div>
    </>
  );
}
