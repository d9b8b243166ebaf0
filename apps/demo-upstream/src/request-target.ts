export interface RequestTarget {
  /** The path exactly as received, not decoded: the page shows what arrived. */
  path: string;
  /** The raw query string without its `?`, or '' when there is none. */
  query: string;
}

export function splitRequestTarget(url: string | undefined): RequestTarget {
  const target = url ?? '/';
  const questionMark = target.indexOf('?');
  return questionMark === -1
    ? { path: target, query: '' }
    : { path: target.slice(0, questionMark), query: target.slice(questionMark + 1) };
}
