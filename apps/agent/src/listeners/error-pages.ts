import { STATUS_CODES, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

export interface ErrorPage {
  status: number;
  title: string;
  message: string;
}

export const REVOKED_KEY_PAGE: ErrorPage = {
  status: 503,
  title: 'This application is unavailable',
  message:
    "This application is unavailable: the Gatehouse agent's provisioning key was revoked or " +
    'expired. Ask your administrator to issue a new provisioning key in the Gatehouse console ' +
    'and restart the agent with it.',
};

export function buildUnknownHostPage(host: string, port: number): ErrorPage {
  return {
    status: 421,
    title: 'No application at this address',
    message:
      `No application served by this Gatehouse agent on port ${port} answers to "${host}". ` +
      'Check the address, or ask your administrator which URL the application uses.',
  };
}

export function renderErrorPage({ status, title, message }: ErrorPage): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; padding: 0 1rem">
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(message)}</p>
<p style="color: #666">HTTP ${status} · Gatehouse</p>
</body>
</html>
`;
}

export function sendErrorPage(res: ServerResponse, page: ErrorPage): void {
  const body = renderErrorPage(page);
  res.writeHead(page.status, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
  });
  res.end(body);
}

/** The same page on a socket that asked to upgrade (no ServerResponse exists there). */
export function writeErrorPageToSocket(socket: Duplex, page: ErrorPage): void {
  const body = renderErrorPage(page);
  socket.end(
    `HTTP/1.1 ${page.status} ${STATUS_CODES[page.status] ?? ''}\r\n` +
      'content-type: text/html; charset=utf-8\r\n' +
      `content-length: ${Buffer.byteLength(body)}\r\n` +
      'cache-control: no-store\r\nconnection: close\r\n\r\n' +
      body,
  );
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
