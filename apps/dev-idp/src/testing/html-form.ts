// Just enough HTML form reading to submit sign-in pages the way a browser would. It understands
// the forms the dev IdP and oidc-provider render, not arbitrary HTML.

export interface HtmlForm {
  id: string | undefined;
  method: string;
  /** Resolved against the page URL. */
  action: URL;
  /** Every named input with its value, in document order (what a submit would send). */
  fields: URLSearchParams;
  inputNames: string[];
}

export function parseForms(html: string, pageUrl: string | URL): HtmlForm[] {
  const forms: HtmlForm[] = [];
  for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    const attributes = parseAttributes(match[1] ?? '');
    const fields = new URLSearchParams();
    const inputNames: string[] = [];
    for (const input of (match[2] ?? '').matchAll(/<input\b([^>]*)>/gi)) {
      const inputAttributes = parseAttributes(input[1] ?? '');
      const name = inputAttributes.get('name');
      if (name !== undefined) {
        inputNames.push(name);
        fields.append(name, inputAttributes.get('value') ?? '');
      }
    }
    forms.push({
      id: attributes.get('id'),
      method: (attributes.get('method') ?? 'get').toUpperCase(),
      action: new URL(attributes.get('action') ?? '', pageUrl),
      fields,
      inputNames,
    });
  }
  return forms;
}

function parseAttributes(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of source.matchAll(
    /([^\s"'=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g,
  )) {
    const name = (match[1] ?? '').toLowerCase();
    attributes.set(name, decodeEntities(match[2] ?? match[3] ?? match[4] ?? ''));
  }
  return attributes;
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
    if (body.startsWith('#x') || body.startsWith('#X')) {
      return String.fromCodePoint(parseInt(body.slice(2), 16));
    }
    if (body.startsWith('#')) {
      return String.fromCodePoint(parseInt(body.slice(1), 10));
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? entity;
  });
}
