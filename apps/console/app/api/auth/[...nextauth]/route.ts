import NextAuth from 'next-auth';
import { buildAuthOptions } from '@/server/auth/auth-options';

// Options are built per request, not at import, so `next build` needs no runtime secrets.
function handler(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(request as never, context, buildAuthOptions()) as Promise<Response>;
}

export { handler as GET, handler as POST };
