'use client';

import Link from 'next/link';
import { useState } from 'react';
import { FormMessage } from '../forms/form-message';
import { useSave } from '../forms/use-save';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { Card, CardFooter, CardHeader } from '../ui/card';
import { cn } from '../ui/cn';
import { EmptyState } from '../ui/empty-state';
import { PlusIcon } from '../ui/icons';
import { Table, Tbody, Td, Th } from '../ui/table';
import { RequestTester } from './request-tester';
import { RuleRow } from './rule-row';
import {
  ACTION_LABEL,
  ACTION_TONE,
  newRuleDraft,
  ruleDraftOf,
  ruleRequest,
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
              return (
                <RuleRow
                  key={row.key}
                  row={row}
                  index={index}
                  writer={writer}
                  highlighted={highlighted}
                  open={open === row.key}
                  error={error}
                  onChange={(patch) => update(row.key, patch)}
                  onToggleDetails={() => setOpen(open === row.key ? null : row.key)}
                  onRemove={() => setRows(rows.filter((other) => other.key !== row.key))}
                />
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
