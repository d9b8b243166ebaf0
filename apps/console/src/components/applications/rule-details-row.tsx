'use client';

import { inputClass } from '../ui/input-class';
import type { RuleDraft } from './rule-draft';

const PLACEHOLDER = `{
  "headers": [{ "name": "Authorization", "operator": "SCHEME", "values": ["Basic", "Token"] }]
}`;

/** The parts of a rule too long for its table row: description and conditions (JSON). */
export function RuleDetailsRow({
  row,
  errors,
  onChange,
}: {
  row: RuleDraft;
  errors: { description: string | undefined; conditions: string | undefined };
  onChange: (patch: Partial<RuleDraft>) => void;
}) {
  return (
    <tr className="bg-slate-50">
      <td colSpan={6} className="px-4 py-4">
        <div className="grid gap-4 md:grid-cols-[1fr_2fr]">
          <label className="block text-sm font-medium text-slate-800">
            Description
            <input
              value={row.description}
              onChange={(event) => onChange({ description: event.target.value })}
              className={inputClass(Boolean(errors.description), 'mt-1.5 font-normal')}
            />
            <span className="mt-1 block text-xs font-normal text-slate-500">
              Shown in logs and on the agent&apos;s error pages.
            </span>
          </label>
          <label className="block text-sm font-medium text-slate-800">
            Conditions (JSON)
            <textarea
              rows={5}
              placeholder={PLACEHOLDER}
              value={row.conditions}
              onChange={(event) => onChange({ conditions: event.target.value })}
              className={inputClass(
                Boolean(errors.conditions),
                'mt-1.5 font-mono text-xs font-normal',
              )}
            />
            <span className="mt-1 block text-xs font-normal text-slate-500">
              <code>headers</code>, <code>query</code>, <code>sourceIps</code>,{' '}
              <code>timeWindows</code>; on Protected rules also <code>groups</code>,{' '}
              <code>emails</code>, <code>roles</code>. Empty: none.
            </span>
          </label>
        </div>
      </td>
    </tr>
  );
}
