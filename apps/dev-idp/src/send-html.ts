import type { ServerResponse } from 'node:http';

import { escapeHtml, renderPage } from './html';

/** A page with a title and one paragraph, both plain text (escaped here). */
export function sendMessage(
  res: ServerResponse,
  status: number,
  title: string,
  message: string,
): void {
  sendHtml(
    res,
    status,
    renderPage(title, `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>`),
  );
}

export function sendHtml(res: ServerResponse, status: number, html: string): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.end(html);
}
