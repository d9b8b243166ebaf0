import type { WhoamiView } from './whoami-view';

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

// Every header value is attacker-controlled text; all of it goes through here.
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
}

const STYLE = `
  body { font: 15px/1.5 system-ui, sans-serif; margin: 0; background: #f4f5f7; color: #1d2330; }
  main { max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
  h1 { font-size: 1.4rem; } h2 { font-size: 1.1rem; margin-top: 2rem; }
  .card { background: #fff; border: 1px solid #dde1e8; border-radius: 8px; padding: 1rem 1.25rem; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: .35rem 1.25rem; margin: 0; }
  dt { color: #5b6475; } dd { margin: 0; }
  code, td { font-family: ui-monospace, monospace; font-size: .9rem; word-break: break-all; }
  table { width: 100%; border-collapse: collapse; background: #fff; border: 1px solid #dde1e8; }
  th, td { text-align: left; padding: .4rem .75rem; border-bottom: 1px solid #eceff3; vertical-align: top; }
  th { background: #eef0f4; font-weight: 600; }
  .anonymous { color: #a33b1f; } .signed-in { color: #1f7a3a; }
`;

export function renderWhoamiPage(view: WhoamiView, rawHeaders: readonly string[]): string {
  const who = view.email ?? 'anonymous';
  const request = `${view.method} ${view.path}${view.query === '' ? '' : `?${view.query}`}`;
  return page(
    'Who am I? · Gatehouse demo upstream',
    `<h1>Gatehouse demo upstream</h1>
<div class="card"><dl>
  <dt>Signed in as</dt><dd class="${view.email === null ? 'anonymous' : 'signed-in'}">${escapeHtml(who)}</dd>
  <dt>Role</dt><dd>${escapeHtml(view.role ?? 'none')}</dd>
  <dt>Groups</dt><dd>${escapeHtml(view.groups.join(', ') || 'none')}</dd>
  <dt>Authenticated by</dt><dd>${escapeHtml(view.authenticatedBy ?? 'nothing')}</dd>
  <dt>Request</dt><dd><code>${escapeHtml(request)}</code></dd>
</dl></div>
<h2>Request headers, as received (${rawHeaders.length / 2})</h2>
<table><thead><tr><th>Name</th><th>Value</th></tr></thead><tbody>
${renderHeaderRows(rawHeaders)}
</tbody></table>`,
  );
}

export function renderErrorPage(status: number, detail: string): string {
  return page(
    `${status} · Gatehouse demo upstream`,
    `<h1>${status}</h1><div class="card">${escapeHtml(detail)}</div>`,
  );
}

// Node's rawHeaders: [name, value, name, value, …] in arrival order with the original case.
function renderHeaderRows(rawHeaders: readonly string[]): string {
  const rows: string[] = [];
  for (let index = 0; index + 1 < rawHeaders.length; index += 2) {
    const name = escapeHtml(rawHeaders[index] ?? '');
    const value = escapeHtml(rawHeaders[index + 1] ?? '');
    rows.push(`<tr><td>${name}</td><td>${value}</td></tr>`);
  }
  return rows.join('\n');
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>
${body}
</main></body></html>
`;
}
