import { getEnv } from '@/env';
import { SignInForm } from './sign-in-form';

export const dynamic = 'force-dynamic';

export default function SignInPage() {
  const oidc = getEnv().oidc;
  return (
    <main>
      <h1>Sign in</h1>
      <SignInForm oidcName={oidc?.name ?? null} />
      <p>
        No account yet? <a href="/sign-up">Create one</a>.
      </p>
    </main>
  );
}
