import { getServerSession } from 'next-auth';
import { buildAuthOptions } from '@/server/auth/auth-options';

export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const session = await getServerSession(buildAuthOptions());
  return (
    <main>
      <h1>Gatehouse console</h1>
      {session?.user ? (
        <p>
          Signed in as {session.user.email}. <a href="/api/auth/signout">Sign out</a>
        </p>
      ) : (
        <p>
          <a href="/sign-in">Sign in</a> or <a href="/sign-up">create an account</a>.
        </p>
      )}
      <p>
        <a href="/docs/api">REST API reference</a>
      </p>
    </main>
  );
}
