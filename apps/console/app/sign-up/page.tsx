import Link from 'next/link';
import { AuthShell } from '@/components/auth/auth-shell';
import { SignUpForm } from './sign-up-form';

export const metadata = { title: 'Create an account · Gatehouse' };

export default function SignUpPage() {
  return (
    <AuthShell
      title="Create your account"
      subtitle="You become the owner of a new organization and can invite your team later."
      footer={
        <>
          Already have an account?{' '}
          <Link href="/sign-in" className="font-medium text-brand-700 hover:underline">
            Sign in
          </Link>
        </>
      }
    >
      <SignUpForm />
    </AuthShell>
  );
}
