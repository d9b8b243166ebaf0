// The ways a client can send a header or cookie so that the upstream reads it as one the agent
// vouches for: case, `_` for `-`, duplicates, folding, hiding it behind `Connection:`; for
// cookies, the name mangling of PHP and friends (`.` and space become `_`, names are URL-decoded).

export interface SpoofVariant {
  name: string;
  /** Header fields to send, in order (values are the attacker's). */
  fields: Array<[string, string]>;
}

const FORGED = 'mallory@evil.example';

function alternateCase(name: string): string {
  return [...name]
    .map((char, index) => (index % 2 ? char.toLowerCase() : char.toUpperCase()))
    .join('');
}

export function buildHeaderVariants(header: string): SpoofVariant[] {
  const variants: SpoofVariant[] = [];
  const add = (kind: string, fields: Array<[string, string]>) =>
    variants.push({ name: `${header} ${kind}`, fields });
  const names = new Map<string, string>([
    ['as configured', header],
    ['lower case', header.toLowerCase()],
    ['upper case', header.toUpperCase()],
    ['alternating case', alternateCase(header)],
    ['"-" as "_"', header.replaceAll('-', '_')],
    ['"_" as "-"', header.replaceAll('_', '-')],
    ['"-" as "_", lower case', header.replaceAll('-', '_').toLowerCase()],
  ]);
  const dash = header.search(/[-_]/);
  if (dash !== -1) {
    const other = header[dash] === '-' ? '_' : '-';
    names.set(
      'first separator swapped',
      `${header.slice(0, dash)}${other}${header.slice(dash + 1)}`,
    );
  }
  for (const [kind, name] of names) add(kind, [[name, FORGED]]);
  add('duplicated', [
    [header, FORGED],
    [header, FORGED],
  ]);
  add('duplicated in two cases', [
    [header.toLowerCase(), FORGED],
    [header.toUpperCase(), FORGED],
  ]);
  add('duplicated as "_" and "-"', [
    [header.replaceAll('-', '_'), FORGED],
    [header.replaceAll('_', '-'), FORGED],
  ]);
  add('comma-joined list', [[header, `${FORGED}, ${FORGED}`]]);
  add('empty value', [[header, '']]);
  add('folded (obs-fold)', [[header, `${FORGED}\r\n ${FORGED}`]]);
  add('folded after another field', [['X-Harmless', `x\r\n ${header}: ${FORGED}`]]);
  add('space before the colon', [[`${header} `, FORGED]]);
  add('named in Connection', [
    ['Connection', `close, ${header}`],
    [header, FORGED],
  ]);
  add('named in Connection, "_" form', [
    ['Connection', `close, ${header.replaceAll('-', '_')}`],
    [header.replaceAll('-', '_'), FORGED],
  ]);
  add('named in Connection only', [['Connection', `close, ${header}`]]);
  add('in a trailer-looking field', [
    ['Trailer', header],
    [header, FORGED],
  ]);
  return variants;
}

/** How cookie-reading frameworks may see a name: PHP turns `.` and spaces into `_`, decodes %XX. */
export function canonicalCookieName(name: string): string {
  let decoded = name.trim();
  try {
    decoded = decodeURIComponent(decoded);
  } catch {
    // a malformed escape stays as it is
  }
  return decoded.toLowerCase().replace(/[. []/g, '_');
}

export function buildCookieVariants(cookie: string): SpoofVariant[] {
  const spell = (name: string) => `${name}=${encodeURIComponent(FORGED)}`;
  const rows: Array<[string, string]> = [
    ['as configured', spell(cookie)],
    ['upper case', spell(cookie.toUpperCase())],
    ['alternating case', spell(alternateCase(cookie))],
    ['"_" as "."', spell(cookie.replaceAll('_', '.'))],
    ['"_" as " "', spell(cookie.replaceAll('_', ' '))],
    ['"_" URL-encoded', spell(cookie.replaceAll('_', '%5F'))],
    [
      'name URL-encoded',
      spell([...cookie].map((c) => `%${c.charCodeAt(0).toString(16)}`).join('')),
    ],
    ['twice', `${spell(cookie)}; ${spell(cookie)}`],
    ['after a real cookie, no space', `theme=dark;${spell(cookie)}`],
    ['quoted value', `${cookie}="${FORGED}"`],
    ['agent session cookie name', `gatehouse_forged_0=${FORGED}`],
  ];
  return rows.map(([kind, value]) => ({
    name: `cookie ${cookie} ${kind}`,
    fields: [['Cookie', value]],
  }));
}
