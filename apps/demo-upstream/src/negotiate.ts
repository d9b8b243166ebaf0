// `?format=json|html` wins (handy in a browser); otherwise JSON only when Accept ranks
// application/json above text/html, so browsers (which send */*) get the page.
export function prefersJson(accept: string | undefined, query: string): boolean {
  const format = new URLSearchParams(query).get('format');
  if (format === 'json') return true;
  if (format === 'html') return false;
  const weights = readMediaRangeWeights(accept ?? '');
  return (weights.get('application/json') ?? 0) > (weights.get('text/html') ?? 0);
}

// RFC 9110 §12.5.1, exact media types only: wildcards never favour JSON over the page.
function readMediaRangeWeights(accept: string): Map<string, number> {
  const weights = new Map<string, number>();
  for (const range of accept.split(',')) {
    const [type = '', ...parameters] = range.split(';').map((part) => part.trim().toLowerCase());
    const qParameter = parameters.find((parameter) => parameter.startsWith('q='));
    const weight = qParameter === undefined ? 1 : Number(qParameter.slice(2));
    if (Number.isFinite(weight)) weights.set(type, weight);
  }
  return weights;
}
