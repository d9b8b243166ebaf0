export interface PageContent {
  title: string;
  /** What happened, in words a user understands. */
  message: string;
  /** What to do about it. */
  hint?: string;
  links?: ReadonlyArray<{ href: string; label: string }>;
  requestId?: string;
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** The agent's own pages (errors, IdP chooser, signed out): small, self-contained, no scripts. */
export function renderPage(page: PageContent): string {
  const links = (page.links ?? [])
    .map((link) => `<li><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></li>`)
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#1f2933}
h1{font-size:1.5rem}p.hint{color:#52606d}ul{padding:0;list-style:none}li{margin:.5rem 0}
a{color:#1d4ed8}small{color:#7b8794}</style></head>
<body><main><h1>${escapeHtml(page.title)}</h1><p>${escapeHtml(page.message)}</p>
${page.hint ? `<p class="hint">${escapeHtml(page.hint)}</p>` : ''}${links ? `<ul>${links}</ul>` : ''}
${page.requestId ? `<p><small>Request id: <code>${escapeHtml(page.requestId)}</code></small></p>` : ''}
</main></body></html>
`;
}
