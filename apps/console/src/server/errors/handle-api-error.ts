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
 * (zod → 422 with every field path, Prisma "not found" → 404, unique violation → 409); anything
 * else is a 500 that names a request id and logs the details, never showing internals.
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
