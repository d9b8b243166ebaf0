import type { TRule } from '@gatehouse/contract';

/** A rule as the editor holds it: numbers, lists and conditions stay text until sent. */
export interface RuleDraft {
  key: number;
  priority: string;
  pathMatch: TRule['pathMatch'];
  path: string;
  methods: string;
  conditions: string;
  action: TRule['action'];
  description: string;
}

let nextKey = 1;

export function ruleDraftOf(rule: TRule): RuleDraft {
  const conditions = Object.fromEntries(
    Object.entries(rule.conditions).filter(([, value]) => value !== undefined),
  );
  return {
    key: nextKey++,
    priority: String(rule.priority),
    pathMatch: rule.pathMatch,
    path: rule.path,
    methods: rule.methods.join(', '),
    conditions: Object.keys(conditions).length ? JSON.stringify(conditions, null, 2) : '',
    action: rule.action,
    description: rule.description ?? '',
  };
}

export function newRuleDraft(rows: RuleDraft[]): RuleDraft {
  const highest = rows.reduce((max, row) => Math.max(max, Number(row.priority) || 0), 0);
  return {
    key: nextKey++,
    priority: String(highest + 10),
    pathMatch: 'PREFIX',
    path: '/',
    methods: '',
    conditions: '',
    action: 'PROTECTED',
    description: '',
  };
}

/**
 * The API's rule shape. Conditions that are not JSON are sent as the text, so the API names the
 * field (`rows[i].conditions`) like any other mistake.
 */
export function ruleRequest(row: RuleDraft): unknown {
  let conditions: unknown = {};
  if (row.conditions.trim() !== '') {
    try {
      conditions = JSON.parse(row.conditions);
    } catch {
      conditions = row.conditions;
    }
  }
  const priority = row.priority.trim();
  return {
    priority: /^\d+$/.test(priority) ? Number(priority) : Number.NaN,
    pathMatch: row.pathMatch,
    path: row.path.trim(),
    methods: row.methods
      .split(/[\s,]+/)
      .filter(Boolean)
      .map((method) => method.toUpperCase()),
    conditions,
    action: row.action,
    description: row.description.trim() === '' ? null : row.description.trim(),
  };
}

/** A short reading of a rule's conditions for the table. */
export function summarizeConditions(text: string): string[] {
  if (text.trim() === '') return [];
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return ['(not valid JSON)'];
  }
  const out: string[] = [];
  for (const header of (parsed.headers as
    { name: string; operator: string; values?: string[] }[] | undefined) ?? []) {
    out.push(
      header.operator === 'PRESENT'
        ? `${header.name} present`
        : `${header.name} ${header.operator.toLowerCase()} ${(header.values ?? []).join(' | ')}`,
    );
  }
  for (const query of (parsed.query as { name: string }[] | undefined) ?? [])
    out.push(`?${query.name} present`);
  const list = (key: string, label: string) => {
    const values = parsed[key] as string[] | undefined;
    if (values?.length) out.push(`${label} ${values.join(', ')}`);
  };
  list('sourceIps', 'from');
  list('groups', 'groups');
  list('emails', 'e-mails');
  list('roles', 'roles');
  if (Array.isArray(parsed.timeWindows) && parsed.timeWindows.length) out.push('time window');
  return out;
}

export const ACTION_LABEL: Record<TRule['action'], string> = {
  PROTECTED: 'Protected',
  NOT_PROTECTED: 'Not protected',
  DENY: 'Deny',
};

export const ACTION_TONE = { PROTECTED: 'brand', NOT_PROTECTED: 'amber', DENY: 'red' } as const;
