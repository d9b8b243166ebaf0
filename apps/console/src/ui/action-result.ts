/** What a server action answers the page: the value, or what went wrong per field (API paths). */
export type ActionResult<T> =
  { ok: true; data: T } | { ok: false; message: string; fieldErrors: FieldErrors };

/** `{ 'upstreamServers[1]': 'Invalid URL' }`: the same paths a REST 422 names in `issues`. */
export type FieldErrors = Record<string, string>;

/**
 * zod's stock messages name types ("expected number, received NaN"); a form says what to do.
 * Messages the schemas wrote themselves pass through unchanged.
 */
export function friendlyMessage(message: string): string {
  if (/expected number, received (NaN|undefined|string)/.test(message)) return 'Enter a number';
  if (/expected (string|array|object), received undefined/.test(message)) return 'Required';
  if (/^Too small: expected string to have >=1 characters?$/.test(message)) return 'Required';
  if (/^Too small: expected array to have >=1 items?$/.test(message)) return 'Add at least one';
  if (/^Too small: expected number to be >=(\d+)$/.test(message)) {
    return `Must be at least ${message.split('>=')[1]}`;
  }
  if (/^Too big: expected number to be <=(\d+)$/.test(message)) {
    return `Must be at most ${message.split('<=')[1]}`;
  }
  if (/^Invalid (URL|url)$/.test(message)) return 'Enter a full URL, e.g. https://app.example.com';
  return message;
}
