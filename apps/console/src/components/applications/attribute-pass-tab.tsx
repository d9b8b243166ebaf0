'use client';

import { useState } from 'react';
import { FormMessage } from '../forms/form-message';
import { useSave } from '../forms/use-save';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { Card, CardFooter, CardHeader } from '../ui/card';
import { EmptyState } from '../ui/empty-state';
import { inputClass } from '../ui/input-class';
import { PlusIcon, TrashIcon } from '../ui/icons';
import { Table, Tbody, Td, Th } from '../ui/table';
import { replaceAttributePassAction } from '@/ui/actions/application-actions';
import type { TAttributePassRow } from '@gatehouse/contract';

const STANDARD_FIELDS = ['email', 'username', 'firstName', 'lastName', 'groups', 'role', 'sub'];
const TYPES = [
  { value: 'HEADER', label: 'Header' },
  { value: 'COOKIE', label: 'Cookie' },
  { value: 'JWT', label: 'JWT claim' },
] as const;

interface Row {
  field: string;
  name: string;
  type: TAttributePassRow['type'];
  join: string;
}

export function AttributePassTab({
  applicationId,
  rows: saved,
  writer,
}: {
  applicationId: string;
  rows: TAttributePassRow[];
  writer: boolean;
}) {
  const [rows, setRows] = useState<Row[]>(() =>
    saved.map((row) => ({ ...row, join: row.join ?? '' })),
  );
  const { errors, message, busy, save } = useSave();
  const update = (index: number, patch: Partial<Row>) =>
    setRows(rows.map((row, at) => (at === index ? { ...row, ...patch } : row)));

  return (
    <Card>
      <CardHeader
        title="Attribute pass"
        description="What the agent tells the application about the signed-in user: each field of the identity becomes a header, a cookie or a claim of a signed JWT. Incoming copies are always stripped."
        actions={
          writer && (
            <Button
              variant="secondary"
              size="sm"
              onClick={() =>
                setRows([...rows, { field: 'email', name: '', type: 'HEADER', join: '' }])
              }
            >
              <PlusIcon className="size-4" /> Add attribute
            </Button>
          )
        }
      />
      {message && (
        <div className="px-5 pt-4">
          <FormMessage
            message={message}
            errors={errors}
            placed={(path) => /^rows\[\d+\]\.(field|name|type|join)$/.test(path)}
          />
        </div>
      )}
      {rows.length === 0 ? (
        <EmptyState
          title="Nothing is passed yet"
          description="CVAT needs X-Email and X-Groups; “Apply CVAT preset” adds them."
        />
      ) : (
        <Table label="Attribute pass">
          <thead>
            <tr>
              <Th>Field</Th>
              <Th>Expected name</Th>
              <Th>Type</Th>
              <Th>Join multiple values with</Th>
              {writer && (
                <Th className="w-12">
                  <span className="sr-only">Remove</span>
                </Th>
              )}
            </tr>
          </thead>
          <Tbody>
            {rows.map((row, index) => {
              const error = (field: string) => errors[`rows[${index}].${field}`];
              if (!writer) {
                return (
                  <tr key={index}>
                    <Td className="font-mono text-xs">{row.field}</Td>
                    <Td className="font-mono text-xs">{row.name}</Td>
                    <Td>
                      <Badge tone="blue">
                        {TYPES.find((type) => type.value === row.type)?.label}
                      </Badge>
                    </Td>
                    <Td className="font-mono text-xs">
                      {row.join === '' ? 'default (,)' : `"${row.join}"`}
                    </Td>
                  </tr>
                );
              }
              return (
                <tr key={index} className="align-top">
                  <Td>
                    <input
                      aria-label={`Field of attribute ${index + 1}`}
                      list="attribute-fields"
                      value={row.field}
                      onChange={(event) => update(index, { field: event.target.value })}
                      aria-invalid={error('field') ? true : undefined}
                      className={inputClass(Boolean(error('field')), 'font-mono')}
                    />
                    <CellError text={error('field')} />
                  </Td>
                  <Td>
                    <input
                      aria-label={`Expected name of attribute ${index + 1}`}
                      placeholder="X-Email"
                      value={row.name}
                      onChange={(event) => update(index, { name: event.target.value })}
                      aria-invalid={error('name') ? true : undefined}
                      className={inputClass(Boolean(error('name')), 'font-mono')}
                    />
                    <CellError text={error('name')} />
                  </Td>
                  <Td>
                    <select
                      aria-label={`Type of attribute ${index + 1}`}
                      value={row.type}
                      onChange={(event) =>
                        update(index, { type: event.target.value as Row['type'] })
                      }
                      className={inputClass(Boolean(error('type')))}
                    >
                      {TYPES.map((type) => (
                        <option key={type.value} value={type.value}>
                          {type.label}
                        </option>
                      ))}
                    </select>
                  </Td>
                  <Td>
                    <input
                      aria-label={`Join of attribute ${index + 1}`}
                      placeholder="default"
                      value={row.join}
                      onChange={(event) => update(index, { join: event.target.value })}
                      aria-invalid={error('join') ? true : undefined}
                      className={inputClass(Boolean(error('join')), 'w-28 font-mono')}
                    />
                    <CellError text={error('join')} />
                  </Td>
                  <Td>
                    <Button
                      variant="ghost"
                      size="sm"
                      aria-label={`Remove attribute ${index + 1}`}
                      onClick={() => setRows(rows.filter((_, at) => at !== index))}
                    >
                      <TrashIcon className="size-4" />
                    </Button>
                  </Td>
                </tr>
              );
            })}
          </Tbody>
        </Table>
      )}
      <datalist id="attribute-fields">
        {STANDARD_FIELDS.map((field) => (
          <option key={field} value={field} />
        ))}
      </datalist>
      {writer && (
        <CardFooter>
          <Button
            busy={busy}
            onClick={() =>
              void save(
                () =>
                  replaceAttributePassAction(applicationId, {
                    rows: rows.map((row) => ({
                      ...row,
                      field: row.field.trim(),
                      name: row.name.trim(),
                      join: row.join === '' ? null : row.join,
                    })),
                  }),
                'Attribute pass saved',
              )
            }
          >
            Save attribute pass
          </Button>
        </CardFooter>
      )}
    </Card>
  );
}

export function CellError({ text }: { text: string | undefined }) {
  if (!text) return null;
  return (
    <p role="alert" className="mt-1 text-xs font-medium text-red-600">
      {text}
    </p>
  );
}
