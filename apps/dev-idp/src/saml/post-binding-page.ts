import { AUTO_SUBMIT, escapeHtml, renderPage } from '../html';

/**
 * The HTTP-POST binding (saml-bindings §3.5.4): a page whose form carries the message to the
 * service provider and submits itself; the button is there for browsers without JavaScript.
 */
export function renderPostBindingPage(
  action: string,
  fields: Readonly<Record<string, string | undefined>>,
): string {
  const inputs = Object.entries(fields)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(
      ([name, value]) =>
        `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`,
    )
    .join('\n');
  return renderPage(
    'Continuing',
    `<h1>Continuing to the application…</h1>
<form method="post" action="${escapeHtml(action)}">
${inputs}
<noscript><button type="submit">Continue</button></noscript>
</form>`,
    AUTO_SUBMIT,
  );
}
