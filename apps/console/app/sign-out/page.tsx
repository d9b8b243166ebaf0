import { AuthShell } from '@/components/auth/auth-shell';
import { SignOutButton } from './sign-out-button';

export const metadata = { title: 'Sign out · Gatehouse' };

export default function SignOutPage() {
  return (
    <AuthShell title="Sign out" subtitle="You will need your e-mail and password to come back.">
      <SignOutButton />
    </AuthShell>
  );
}
