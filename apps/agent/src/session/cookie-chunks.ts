import { serializeCookie, type CookieAttributes } from './set-cookie';

// Browsers keep at least 4096 bytes per cookie (RFC 6265 §6.1) including name and attributes.
export const MAX_CHUNK_LENGTH = 3800;
const MAX_CHUNKS = 12;

/** The value spread over `<base>_0`, `<base>_1`, …, or null when the first chunk is missing. */
export function readChunkedCookie(
  cookies: ReadonlyMap<string, string>,
  base: string,
): string | null {
  let value = '';
  for (let index = 0; index < MAX_CHUNKS; index += 1) {
    const chunk = cookies.get(`${base}_${index}`);
    if (chunk === undefined) break;
    value += chunk;
  }
  return value === '' ? null : value;
}

/** Set-Cookie values storing `value`, and deleting chunks a longer previous value left behind. */
export function writeChunkedCookie(
  base: string,
  value: string,
  present: ReadonlyMap<string, string>,
  attributes: CookieAttributes,
): string[] {
  const count = Math.ceil(value.length / MAX_CHUNK_LENGTH);
  if (count > MAX_CHUNKS) {
    throw new Error(
      `The session is ${value.length} bytes, more than cookies can hold; set REDIS_URL to keep sessions in Redis.`,
    );
  }
  const headers: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const chunk = value.slice(index * MAX_CHUNK_LENGTH, (index + 1) * MAX_CHUNK_LENGTH);
    headers.push(serializeCookie(`${base}_${index}`, chunk, attributes));
  }
  for (let index = count; index < MAX_CHUNKS; index += 1) {
    const name = `${base}_${index}`;
    if (present.has(name)) headers.push(serializeCookie(name, '', { ...attributes, maxAge: 0 }));
  }
  return headers;
}

export function clearChunkedCookie(
  base: string,
  present: ReadonlyMap<string, string>,
  attributes: CookieAttributes,
): string[] {
  return writeChunkedCookie(base, '', present, attributes);
}
