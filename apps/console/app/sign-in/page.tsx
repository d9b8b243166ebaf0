import Link from 'next/link';
import { AuthShell } from '@/components/auth/auth-shell';
import { getEnv } from '@/env';
import { SignInForm } from './sign-in-form';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Sign in · Gatehouse' };

export default function SignInPage() {
  const oidc = getEnv().oidc;
  return (
    <AuthShell
      title="Sign in to Gatehouse"
      subtitle="Manage deployments, applications and who may reach them."
      footer={
        <>
          No account yet?{' '}
          <Link href="/sign-up" className="font-medium text-brand-700 hover:underline">
            Create one
          </Link>
        </>
      }
    >
      <SignInForm oidcName={oidc?.name ?? null} />
    </AuthShell>
  );
}
