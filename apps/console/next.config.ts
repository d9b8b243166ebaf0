import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // Workspace packages are TypeScript source (exports ./src/index.ts); Next compiles them.
  transpilePackages: ['@gatehouse/contract', '@gatehouse/db'],
  // pg and Prisma's adapter load native-ish Node modules; keep them out of the server bundle.
  serverExternalPackages: ['pg', '@prisma/adapter-pg', '@prisma/client'],
  poweredByHeader: false,
  // The e2e run builds the console inside `pnpm test`, whose own typecheck task already checks
  // it (tests included); checking again there would only add a minute on a 2-core machine.
  typescript: { ignoreBuildErrors: process.env.GATEHOUSE_SKIP_BUILD_TYPECHECK === '1' },
};

export default nextConfig;
