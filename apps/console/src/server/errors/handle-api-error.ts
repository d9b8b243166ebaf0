import { formatPath } from '@gatehouse/contract';
import { Prisma } from '@gatehouse/db';
import { ZodError } from 'zod';
import { AppError } from './app-error';

export interface ErrorBody {
  error: { code: string; message: string; issues?: { path: string; message: string }[] };
  requestId?: string;
}

/**
 * The single place an exception becomes an HTTP answer. Known failures keep their meaning
 * (zod → 422 with every field path, Prisma "not found" → 404, unique violation → 409, the
 * database out of reach → 503 with Retry-After, which clients and load balancers retry);
 * anything else is a 500 that names a request id and logs the details, never showing internals.
 */
export function handleApiError(error: unknown, requestId: string): Response {
  const appError = toAppError(error);
  if (appError) {
    const body: ErrorBody = {
      error: {
        code: appError.code,
        message: appError.message,
        ...(appError.issues ? { issues: appError.issues } : {}),
      },
    };
    return Response.json(body, { status: appError.status, headers: appError.headers });
  }
  console.error(`[${requestId}] unhandled error`, error);
  const body: ErrorBody = {
    error: {
      code: 'internal',
      message: `Something went wrong on our side. Quote request id ${requestId} when reporting it.`,
    },
    requestId,
  };
  return Response.json(body, { status: 500 });
}

/**
 * Prisma's codes for a database it cannot reach or that dropped the connection: P1001 can't
 * reach, P1002 timed out, P1008 operation timed out, P1017 server closed the connection, P2024
 * no connection free in the pool in time. Transient, unlike the request: worth a retry.
 */
const DATABASE_UNAVAILABLE = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

function toAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) {
    const issues = error.issues.map((issue) => ({
      path: formatPath(issue.path),
      message: issue.message,
    }));
    return new AppError('invalid', 'The request is invalid; see issues for each field.', {
      issues,
    });
  }
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === 'P2025') return new AppError('not_found', 'Not found');
    if (DATABASE_UNAVAILABLE.has(error.code)) {
      console.error('database unavailable', error.code, error.meta?.driverAdapterError ?? '');
      return new AppError(
        'unavailable',
        'The console cannot reach its database just now; try again in a few seconds.',
        { headers: { 'Retry-After': String(UNAVAILABLE_RETRY_AFTER_SECONDS) } },
      );
    }
    if (error.code === 'P2002') {
      const field = uniqueField(error);
      const model = error.meta?.modelName;
      const what =
        typeof model === 'string'
          ? model.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()
          : 'item';
      return new AppError(
        'conflict',
        field
          ? `Another ${what} already uses this ${field}; choose a different one.`
          : `This ${what} conflicts with an existing one.`,
        field ? { issues: [{ path: field, message: 'already in use' }] } : {},
      );
    }
  }
  return undefined;
}

/**
 * The user-facing field behind a unique violation. The PostgreSQL adapter reports the index
 * (`deployments_organization_id_name_key`), not the fields; the names people choose are the only
 * unique values they can collide on.
 */
function uniqueField(error: Prisma.PrismaClientKnownRequestError): string | undefined {
  const text = JSON.stringify(error.meta ?? {});
  if (/_name_key\b/.test(text)) return 'name';
  if (/_email_key\b/.test(text)) return 'email';
  return undefined;
}
