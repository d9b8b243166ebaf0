'use client';

import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { inputClass } from '../ui/input-class';
import { TrashIcon } from '../ui/icons';
import { CellError } from './attribute-pass-tab';
import type { FieldErrors } from '@/ui/action-result';

export interface MappingRowDraft {
  key: number;
  kind: 'CLAIM' | 'EXPRESSION';
  claim: string;
  operator: 'EQUALS' | 'CONTAINS' | 'EXISTS';
  value: string;
  expression: string;
  role: string;
}

export function RoleMappingRows({
  rows,
  onChange,
  errors,
  writer,
}: {
  rows: MappingRowDraft[];
  onChange: (rows: MappingRowDraft[]) => void;
  errors: FieldErrors;
  writer: boolean;
}) {
  const update = (key: number, patch: Partial<MappingRowDraft>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  if (rows.length === 0) {
    return <p className="text-sm text-slate-500">No rows: every user gets the default role.</p>;
  }
  return (
    <ol className="space-y-3">
      {rows.map((row, index) => {
        const error = (field: string) => errors[`rows[${index}].${field}`];
        return (
          <li
            key={row.key}
            className="rounded-lg border border-slate-200 bg-white p-4"
            data-testid="mapping-row"
          >
            <div className="flex flex-wrap items-start gap-3">
              <span className="mt-2 text-xs font-semibold text-slate-400">{index + 1}</span>
              {writer ? (
                <select
                  aria-label={`Type of row ${index + 1}`}
                  value={row.kind}
                  onChange={(event) =>
                    update(row.key, { kind: event.target.value as MappingRowDraft['kind'] })
                  }
                  className={inputClass(false, 'w-36')}
                >
                  <option value="CLAIM">Claim</option>
                  <option value="EXPRESSION">Expression</option>
                </select>
              ) : (
                <Badge tone={row.kind === 'CLAIM' ? 'gray' : 'brand'}>
                  {row.kind === 'CLAIM' ? 'Claim' : 'Expression'}
                </Badge>
              )}
              {row.kind === 'CLAIM' ? (
                writer ? (
                  <>
                    <div>
                      <input
                        aria-label={`Claim of row ${index + 1}`}
                        value={row.claim}
                        onChange={(event) => update(row.key, { claim: event.target.value })}
                        aria-invalid={error('claim') ? true : undefined}
                        className={inputClass(Boolean(error('claim')), 'w-40 font-mono')}
                      />
                      <CellError text={error('claim')} />
                    </div>
                    <select
                      aria-label={`Operator of row ${index + 1}`}
                      value={row.operator}
                      onChange={(event) =>
                        update(row.key, {
                          operator: event.target.value as MappingRowDraft['operator'],
                        })
                      }
                      className={inputClass(false, 'w-32')}
                    >
                      <option value="CONTAINS">contains</option>
                      <option value="EQUALS">equals</option>
                      <option value="EXISTS">exists</option>
                    </select>
                    {row.operator !== 'EXISTS' && (
                      <div>
                        <input
                          aria-label={`Value of row ${index + 1}`}
                          value={row.value}
                          onChange={(event) => update(row.key, { value: event.target.value })}
                          aria-invalid={error('value') ? true : undefined}
                          className={inputClass(Boolean(error('value')), 'w-44 font-mono')}
                        />
                        <CellError text={error('value')} />
                      </div>
                    )}
                  </>
                ) : (
                  <code className="mt-1 text-sm">
                    {row.claim} {row.operator.toLowerCase()}{' '}
                    {row.operator === 'EXISTS' ? '' : `"${row.value}"`}
                  </code>
                )
              ) : writer ? (
                <div className="min-w-72 flex-1">
                  <textarea
                    aria-label={`Expression of row ${index + 1}`}
                    rows={2}
                    value={row.expression}
                    onChange={(event) => update(row.key, { expression: event.target.value })}
                    aria-invalid={error('expression') ? true : undefined}
                    className={inputClass(Boolean(error('expression')), 'font-mono text-xs')}
                  />
                  <CellError text={error('expression')} />
                </div>
              ) : (
                <code className="mt-1 text-sm">{row.expression}</code>
              )}
              <span className="mt-2 text-sm text-slate-500">→ role</span>
              {writer ? (
                <div>
                  <input
                    aria-label={`Role of row ${index + 1}`}
                    value={row.role}
                    onChange={(event) => update(row.key, { role: event.target.value })}
                    aria-invalid={error('role') ? true : undefined}
                    className={inputClass(Boolean(error('role')), 'w-32 font-mono')}
                  />
                  <CellError text={error('role')} />
                </div>
              ) : (
                <code className="mt-1 text-sm font-semibold">{row.role}</code>
              )}
              {writer && (
                <Button
                  variant="ghost"
                  size="sm"
                  aria-label={`Remove row ${index + 1}`}
                  className="ml-auto"
                  onClick={() => onChange(rows.filter((other) => other.key !== row.key))}
                >
                  <TrashIcon className="size-4" />
                </Button>
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
