import type { TConfigProblem } from '@gatehouse/contract';

export const ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** A problem with one field of the input, its path written like `rules[2].path`. */
export type Issue = TConfigProblem;

/** The one error type server functions throw; handleApiError turns it into a response. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues: Issue[] | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: { issues?: Issue[]; headers?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.issues = options.issues;
    this.headers = options.headers;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** One field is wrong: a 422 whose issue points at it. */
export function invalidField(path: string, message: string): AppError {
  return new AppError('invalid', `${path}: ${message}`, { issues: [{ path, message }] });
}

export function notFound(what: string): AppError {
  return new AppError('not_found', `${what} not found`);
}
