import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // Workspace packages are TypeScript source (exports ./src/index.ts); Next compiles them.
  transpilePackages: ['@gatehouse/contract', '@gatehouse/db'],
  // pg and Prisma's adapter load native-ish Node modules; keep them out of the server bundle.
  serverExternalPackages: ['pg', '@prisma/adapter-pg', '@prisma/client'],
  poweredByHeader: false,
};

export default nextConfig;
