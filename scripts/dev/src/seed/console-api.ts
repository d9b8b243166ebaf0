// A small client of the console's REST API v1 (apps/console/app/api/v1), authenticated with an
// API token, as any script of an operator would use it.

export interface ConsoleApi {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
  put<T>(path: string, body: unknown): Promise<T>;
  delete<T>(path: string): Promise<T>;
}

export class ConsoleApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export function createConsoleApi(baseUrl: string, token: string): ConsoleApi {
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) {
      throw new ConsoleApiError(
        `${method} /api/v1${path} answered ${response.status}: ${describeError(text)}`,
        response.status,
      );
    }
    return (text === '' ? undefined : JSON.parse(text)) as T;
  }
  return {
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body ?? {}),
    put: (path, body) => call('PUT', path, body),
    delete: (path) => call('DELETE', path),
  };
}

// The console answers { error: { code, message, issues?: [{ path, message }] } }.
function describeError(text: string): string {
  try {
    const { error } = JSON.parse(text) as {
      error?: { message?: string; issues?: { path: string; message: string }[] };
    };
    const issues = (error?.issues ?? []).map((issue) => `\n  ${issue.path}: ${issue.message}`);
    return `${error?.message ?? text}${issues.join('')}`;
  } catch {
    return text.slice(0, 500);
  }
}
