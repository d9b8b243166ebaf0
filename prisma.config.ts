// Prisma 7 reads its settings here rather than from schema.prisma or a .env file.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  // Not `env('DATABASE_URL')`: that throws when the variable is unset, and `prisma generate`
  // (run in CI and on fresh checkouts) must work without a database. Commands that need one
  // (migrate, db push) fail with Prisma's own "datasource.url is required" message instead.
  datasource: { url: process.env.DATABASE_URL },
});
