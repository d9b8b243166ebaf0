import { AuthShell } from '@/components/auth/auth-shell';
import { AcceptInvitationForm } from './accept-invitation-form';

export const metadata = { title: 'Join an organization · Gatehouse' };

export default async function AcceptInvitationPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token } = await searchParams;
  return (
    <AuthShell
      title="Join your team on Gatehouse"
      subtitle="Choose a password, or enter your existing account's password, to accept the invitation."
    >
      <AcceptInvitationForm token={typeof token === 'string' ? token : ''} />
    </AuthShell>
  );
}
