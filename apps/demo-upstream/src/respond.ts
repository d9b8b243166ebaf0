import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';

// Identity pages and API answers depend on request headers, so no cache may keep them.
const PRIVATE_HEADERS = { 'cache-control': 'no-store' } as const;

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: OutgoingHttpHeaders = {},
): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(body), headers);
}

export function sendHtml(
  res: ServerResponse,
  status: number,
  html: string,
  headers: OutgoingHttpHeaders = {},
): void {
  send(res, status, 'text/html; charset=utf-8', html, headers);
}

// Node drops the body of a HEAD response by itself; Content-Length still describes the GET.
function send(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string,
  headers: OutgoingHttpHeaders,
): void {
  res.writeHead(status, {
    ...PRIVATE_HEADERS,
    'content-type': contentType,
    'content-length': Buffer.byteLength(body),
    ...headers,
  });
  res.end(body);
}
