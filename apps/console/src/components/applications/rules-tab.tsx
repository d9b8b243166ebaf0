'use client';

import Link from 'next/link';
import { Fragment, useState } from 'react';
import { FormMessage } from '../forms/form-message';
import { useSave } from '../forms/use-save';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { Card, CardFooter, CardHeader } from '../ui/card';
import { cn } from '../ui/cn';
import { EmptyState } from '../ui/empty-state';
import { inputClass } from '../ui/input-class';
import { PlusIcon, TrashIcon } from '../ui/icons';
import { Table, Tbody, Td, Th } from '../ui/table';
import { CellError } from './attribute-pass-tab';
import { RequestTester } from './request-tester';
import { RuleDetailsRow } from './rule-details-row';
import {
  ACTION_LABEL,
  ACTION_TONE,
  newRuleDraft,
  ruleDraftOf,
  ruleRequest,
  summarizeConditions,
  type RuleDraft,
} from './rule-draft';
import { replaceRulesAction } from '@/ui/actions/application-actions';
import type { TRule } from '@gatehouse/contract';

export function RulesTab({
  applicationId,
  rows: saved,
  defaultAction,
  writer,
}: {
  applicationId: string;
  rows: TRule[];
  defaultAction: TRule['action'];
  writer: boolean;
}) {
  const [rows, setRows] = useState<RuleDraft[]>(() => saved.map(ruleDraftOf));
  const [open, setOpen] = useState<number | null>(null);
  const [matched, setMatched] = useState<number | null | undefined>(undefined);
  const { errors, message, busy, save } = useSave();
  const update = (key: number, patch: Partial<RuleDraft>) =>
    setRows(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  const ordered = [...rows].sort((a, b) => (Number(a.priority) || 0) - (Number(b.priority) || 0));
  const indexOf = (row: RuleDraft) => rows.indexOf(row);

  return (
    <div className="space-y-6">
      <Card>
        <CardHeader
          title="Rules"
          description="The first rule that matches a request decides, lowest priority first. Request conditions (headers, query, source IP, time) decide whether a rule matches; group, e-mail and role conditions are checked after sign-in."
          actions={
            writer && (
              <Button
                variant="secondary"
                size="sm"
                onClick={() => {
                  const row = newRuleDraft(rows);
                  setRows([...rows, row]);
                  setOpen(row.key);
                }}
              >
                <PlusIcon className="size-4" /> Add rule
              </Button>
            )
          }
        />
        {message && (
          <div className="px-5 pt-4">
            <FormMessage
              message={message}
              errors={errors}
              placed={(path) =>
                /^rows\[\d+\]\.(priority|path|pathMatch|methods|action|description|conditions)/.test(
                  path,
                )
              }
            />
          </div>
        )}
        {rows.length === 0 && (
          <EmptyState
            title="No rules: every path is handled by the default action"
            description="Add rules to let API clients through without SSO or to deny paths outright."
          />
        )}
        <Table label="Rules">
          <thead>
            <tr>
              <Th className="w-24">Priority</Th>
              <Th>Path</Th>
              <Th>Methods</Th>
              <Th>Conditions</Th>
              <Th>Action</Th>
              {writer && (
                <Th className="w-28">
                  <span className="sr-only">Row actions</span>
                </Th>
              )}
            </tr>
          </thead>
          <Tbody>
            {ordered.map((row) => {
              const index = indexOf(row);
              const error = (field: string) =>
                errors[`rows[${index}].${field}`] ??
                Object.entries(errors).find(([path]) =>
                  path.startsWith(`rows[${index}].${field}`),
                )?.[1];
              const highlighted =
                matched !== undefined &&
                matched !== null &&
                String(matched) === row.priority.trim();
              const summary = summarizeConditions(row.conditions);
              return (
                <Fragment key={row.key}>
                  <tr
                    data-testid="rule-row"
                    className={cn('align-top', highlighted && 'bg-brand-50/70')}
                  >
                    <Td>
                      {writer ? (
                        <>
                          <input
                            aria-label={`Priority of rule ${index + 1}`}
                            value={row.priority}
                            onChange={(event) => update(row.key, { priority: event.target.value })}
                            aria-invalid={error('priority') ? true : undefined}
                            className={inputClass(Boolean(error('priority')), 'w-20 font-mono')}
                          />
                          <CellError text={error('priority')} />
                        </>
                      ) : (
                        <span className="font-mono">{row.priority}</span>
                      )}
                    </Td>
                    <Td>
                      {writer ? (
                        <div className="flex min-w-72 gap-2">
                          <select
                            aria-label={`Match type of rule ${index + 1}`}
                            value={row.pathMatch}
                            onChange={(event) =>
                              update(row.key, {
                                pathMatch: event.target.value as RuleDraft['pathMatch'],
                              })
                            }
                            className={inputClass(false, 'w-28 shrink-0')}
                          >
                            <option value="PREFIX">Prefix</option>
                            <option value="EXACT">Exact</option>
                            <option value="REGEX">Regex</option>
                          </select>
                          <div className="min-w-0 flex-1">
                            <input
                              aria-label={`Path of rule ${index + 1}`}
                              value={row.path}
                              onChange={(event) => update(row.key, { path: event.target.value })}
                              aria-invalid={error('path') ? true : undefined}
                              className={inputClass(
                                Boolean(error('path')),
                                'w-full min-w-40 font-mono',
                              )}
                            />
                            <CellError text={error('path')} />
                          </div>
                        </div>
                      ) : (
                        <span>
                          <Badge>{row.pathMatch.toLowerCase()}</Badge>{' '}
                          <code className="text-xs">{row.path}</code>
                        </span>
                      )}
                      {row.description && !writer && (
                        <p className="mt-1 text-xs text-slate-500">{row.description}</p>
                      )}
                    </Td>
                    <Td>
                      {writer ? (
                        <>
                          <input
                            aria-label={`Methods of rule ${index + 1}`}
                            placeholder="any"
                            value={row.methods}
                            onChange={(event) => update(row.key, { methods: event.target.value })}
                            aria-invalid={error('methods') ? true : undefined}
                            className={inputClass(Boolean(error('methods')), 'w-32 font-mono')}
                          />
                          <CellError text={error('methods')} />
                        </>
                      ) : (
                        <span className="font-mono text-xs">{row.methods || 'any'}</span>
                      )}
                    </Td>
                    <Td>
                      {summary.length === 0 ? (
                        <span className="text-xs text-slate-400">none</span>
                      ) : (
                        <ul className="space-y-1">
                          {summary.map((line) => (
                            <li key={line} className="font-mono text-xs text-slate-700">
                              {line}
                            </li>
                          ))}
                        </ul>
                      )}
                      <CellError text={error('conditions')} />
                    </Td>
                    <Td>
                      {writer ? (
                        <select
                          aria-label={`Action of rule ${index + 1}`}
                          value={row.action}
                          onChange={(event) =>
                            update(row.key, { action: event.target.value as RuleDraft['action'] })
                          }
                          className={inputClass(Boolean(error('action')), 'w-40')}
                        >
                          <option value="PROTECTED">Protected</option>
                          <option value="NOT_PROTECTED">Not protected</option>
                          <option value="DENY">Deny</option>
                        </select>
                      ) : (
                        <Badge tone={ACTION_TONE[row.action]}>{ACTION_LABEL[row.action]}</Badge>
                      )}
                    </Td>
                    {writer && (
                      <Td className="text-right whitespace-nowrap">
                        <Button
                          variant="ghost"
                          size="sm"
                          aria-expanded={open === row.key}
                          onClick={() => setOpen(open === row.key ? null : row.key)}
                        >
                          {open === row.key ? 'Done' : 'Details'}
                        </Button>
                        <Button
                          variant="ghost"
                          size="sm"
                          aria-label={`Remove rule ${index + 1}`}
                          onClick={() => setRows(rows.filter((other) => other.key !== row.key))}
                        >
                          <TrashIcon className="size-4" />
                        </Button>
                      </Td>
                    )}
                  </tr>
                  {writer && open === row.key && (
                    <RuleDetailsRow
                      row={row}
                      errors={{
                        description: error('description'),
                        conditions: error('conditions'),
                      }}
                      onChange={(patch) => update(row.key, patch)}
                    />
                  )}
                </Fragment>
              );
            })}
            <tr className={cn('bg-slate-50/60', matched === null && 'bg-brand-50/70')}>
              <Td className="text-xs text-slate-500">last</Td>
              <Td colSpan={3} className="text-xs text-slate-500">
                Everything no rule matches ·{' '}
                <Link
                  href={`/applications/${applicationId}?tab=advanced`}
                  className="text-brand-700 hover:underline"
                >
                  change the default action
                </Link>
              </Td>
              <Td colSpan={writer ? 2 : 1}>
                <Badge tone={ACTION_TONE[defaultAction]}>{ACTION_LABEL[defaultAction]}</Badge>
              </Td>
            </tr>
          </Tbody>
        </Table>
        {writer && (
          <CardFooter>
            <Button
              busy={busy}
              onClick={() =>
                void save(
                  () => replaceRulesAction(applicationId, { rows: rows.map(ruleRequest) }),
                  'Rules saved; agents apply them within a second',
                )
              }
            >
              Save rules
            </Button>
          </CardFooter>
        )}
      </Card>
      <RequestTester
        rules={rows.map(ruleRequest)}
        defaultAction={defaultAction}
        onMatched={setMatched}
      />
    </div>
  );
}
