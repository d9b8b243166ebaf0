import { friendlyMessage, type ActionResult, type FieldErrors } from '@/ui/action-result';

interface ErrorBody {
  error?: { message?: string; issues?: { path: string; message: string }[] };
}

/** For the signed-out pages, which call the public REST endpoints: the answer as an ActionResult. */
export async function postJson<T = unknown>(url: string, body: unknown): Promise<ActionResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    return { ok: false, message: 'The console could not be reached; try again.', fieldErrors: {} };
  }
  const json = (await response.json().catch(() => ({}))) as T & ErrorBody;
  if (response.ok) return { ok: true, data: json };
  const fieldErrors: FieldErrors = {};
  for (const issue of json.error?.issues ?? [])
    fieldErrors[issue.path] ??= friendlyMessage(issue.message);
  return {
    ok: false,
    message: json.error?.message ?? `The console answered ${response.status}; try again.`,
    fieldErrors,
  };
}
