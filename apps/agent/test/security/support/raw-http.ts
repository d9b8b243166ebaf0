// HTTP/1.1 over a bare TCP socket: the request goes out byte for byte as written (no client-side
// normalization of the target, header names or folding), and the answer is parsed by hand.
import { connect } from 'node:net';

export interface RawResponse {
  status: number;
  /** Lower-cased names, in order, every field kept. */
  headers: Array<[string, string]>;
  body: string;
  /** The first value of a header, or undefined. */
  header(name: string): string | undefined;
}

/** `GET /x HTTP/1.1` + fields + blank line (+ body), with `Connection: close` unless given. */
export function buildRawRequest(
  method: string,
  target: string,
  host: string,
  fields: ReadonlyArray<readonly [string, string]> = [],
  body = '',
): string {
  const lines = [`${method} ${target} HTTP/1.1`, `Host: ${host}`];
  if (!fields.some(([name]) => name.toLowerCase() === 'connection'))
    lines.push('Connection: close');
  for (const [name, value] of fields) lines.push(`${name}: ${value}`);
  if (body !== '') lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}

/** Writes `request` to `origin`'s port and reads until the server closes the connection. */
export function sendRawRequest(origin: string, request: string | Buffer): Promise<RawResponse> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) });
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      // The server may keep the connection open after a complete answer; stop reading then.
      const parsed = tryParse(Buffer.concat(chunks));
      if (parsed) {
        socket.destroy();
        resolve(parsed);
      }
    });
    socket.on('error', reject);
    socket.on('close', () => {
      const parsed = tryParse(Buffer.concat(chunks), true);
      if (parsed) resolve(parsed);
      else
        reject(
          new Error(
            `connection closed without a complete answer: ${String(Buffer.concat(chunks))}`,
          ),
        );
    });
    socket.write(request);
  });
}

function tryParse(data: Buffer, closed = false): RawResponse | null {
  const end = data.indexOf('\r\n\r\n');
  if (end === -1) return null;
  const [statusLine = '', ...lines] = data.subarray(0, end).toString('latin1').split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? Number.NaN);
  const headers: Array<[string, string]> = lines.map((line) => {
    const colon = line.indexOf(':');
    return [line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()];
  });
  const find = (name: string) => headers.find(([key]) => key === name)?.[1];
  const rest = data.subarray(end + 4);
  let body: Buffer | null;
  if (find('transfer-encoding')?.toLowerCase() === 'chunked') body = decodeChunked(rest);
  else if (find('content-length') !== undefined) {
    const length = Number(find('content-length'));
    body = rest.length >= length ? rest.subarray(0, length) : null;
  } else body = closed ? rest : null;
  if (body === null) return null;
  return { status, headers, body: body.toString('utf8'), header: find };
}

function decodeChunked(data: Buffer): Buffer | null {
  const parts: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const lineEnd = data.indexOf('\r\n', offset);
    if (lineEnd === -1) return null;
    const size = Number.parseInt(data.subarray(offset, lineEnd).toString('latin1'), 16);
    if (Number.isNaN(size)) return null;
    if (size === 0) return Buffer.concat(parts);
    const start = lineEnd + 2;
    if (data.length < start + size + 2) return null;
    parts.push(data.subarray(start, start + size));
    offset = start + size + 2;
  }
}
