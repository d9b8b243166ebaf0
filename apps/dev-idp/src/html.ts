// Every value interpolated into the dev IdP's pages goes through escapeHtml: login hints, client
// names and error descriptions all come from the request.
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

// Same snippet as oidc-provider's form_post page, so one rule in the testing helper submits every
// self-submitting page: form_post, the logout confirmation and the SAML HTTP-POST binding.
export const AUTO_SUBMIT = `<script>document.addEventListener('DOMContentLoaded', function () { document.forms[0].submit() });</script>`;

const STYLE = `body{font-family:system-ui,sans-serif;background:#f4f5f7;margin:0;padding:48px 16px}
main{max-width:360px;margin:0 auto;background:#fff;border-radius:8px;padding:24px 32px;box-shadow:0 1px 3px rgba(0,0,0,.2)}
h1{font-size:1.3em;margin-top:0}label{display:block;margin:12px 0 4px}
input{box-sizing:border-box;width:100%;padding:8px;font-size:1em}
button{margin-top:16px;width:100%;padding:10px;font-size:1em;background:#2557d6;color:#fff;border:0;border-radius:4px;cursor:pointer}
.error{color:#a40e26;background:#fdecee;padding:8px;border-radius:4px}.hint{color:#555;font-size:.9em}`;

/** A whole page; `body` must already be escaped HTML. */
export function renderPage(title: string, body: string, head = ''): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Gatehouse dev IdP</title>
<style>${STYLE}</style>
${head}
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}
