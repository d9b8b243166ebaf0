// How upstream servers read the path they receive. A proxy is only as safe as the most lenient
// reader behind it: the rule the agent applied must hold for every one of these readings.

/** RFC 3986 §5.2.4 remove_dot_segments on a path of `/`-separated, already decoded segments. */
export function removeDotSegments(path: string): string {
  const output: string[] = [];
  const segments = path.split('/').slice(1);
  segments.forEach((segment, index) => {
    const last = index === segments.length - 1;
    if (segment === '..') output.pop();
    else if (segment !== '.') output.push(segment);
    if ((segment === '.' || segment === '..') && last) output.push('');
  });
  return `/${output.join('/')}`;
}

/** Decodes every valid %XX (as bytes, then UTF-8, replacing invalid sequences) and leaves the rest. */
export function decodeLeniently(text: string): string {
  const bytes: number[] = [];
  for (let index = 0; index < text.length; index += 1) {
    const hex = text.slice(index + 1, index + 3);
    if (text[index] === '%' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      index += 2;
    } else {
      bytes.push(...Buffer.from(text[index] ?? '', 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

const dropParameters = (path: string) =>
  path
    .split('/')
    .map((segment) => segment.split(';')[0])
    .join('/');

export const UPSTREAM_READINGS: Record<string, (path: string) => string> = {
  'decoded once (Node, Django, Rails)': (path) => removeDotSegments(decodeLeniently(path)),
  'WHATWG URL, then decoded': (path) =>
    decodeLeniently(new URL(path, 'http://upstream.invalid').pathname),
  'Tomcat (";" parameters dropped, then decoded)': (path) =>
    removeDotSegments(decodeLeniently(dropParameters(path))),
  'decoded, then ";" parameters dropped': (path) =>
    removeDotSegments(dropParameters(decodeLeniently(path))),
  'decoded twice': (path) => removeDotSegments(decodeLeniently(decodeLeniently(path))),
  'backslash read as slash (IIS)': (path) =>
    removeDotSegments(decodeLeniently(path).replaceAll('\\', '/')),
  'Unicode compatibility forms folded (NFKC)': (path) =>
    removeDotSegments(decodeLeniently(path).normalize('NFKC')),
};
