export {
  createPrismaClient,
  SECRET_COLUMNS_OMITTED_BY_DEFAULT,
  type DatabaseClient,
} from './create-prisma-client';
export { runInTransaction, type DatabaseTransaction } from './run-in-transaction';
export * from './generated/prisma/client';
