'use client';

import { useState } from 'react';
import { FormMessage } from '../forms/form-message';
import { useSave } from '../forms/use-save';
import { Button } from '../ui/button';
import { Card, CardBody, CardFooter, CardHeader } from '../ui/card';
import { TextField } from '../ui/field';
import { PlusIcon } from '../ui/icons';
import { RoleMappingCheckPanel } from './role-mapping-check';
import { RoleMappingRows, type MappingRowDraft } from './role-mapping-rows';
import { replaceRoleMappingAction } from '@/ui/actions/application-actions';
import type { TRoleMapping } from '@gatehouse/contract';

let nextKey = 1;

function draftOf(row: TRoleMapping['rows'][number]): MappingRowDraft {
  return row.kind === 'CLAIM'
    ? {
        key: nextKey++,
        kind: 'CLAIM',
        claim: row.claim,
        operator: row.operator,
        value: row.value ?? '',
        expression: '',
        role: row.role,
      }
    : {
        key: nextKey++,
        kind: 'EXPRESSION',
        claim: 'groups',
        operator: 'CONTAINS',
        value: '',
        expression: row.expression,
        role: row.role,
      };
}

export function mappingRowRequest(row: MappingRowDraft): unknown {
  return row.kind === 'CLAIM'
    ? {
        kind: 'CLAIM',
        claim: row.claim.trim(),
        operator: row.operator,
        value: row.operator === 'EXISTS' && row.value === '' ? null : row.value,
        role: row.role.trim(),
      }
    : { kind: 'EXPRESSION', expression: row.expression, role: row.role.trim() };
}

export function RoleMappingTab({
  applicationId,
  mapping,
  writer,
}: {
  applicationId: string;
  mapping: TRoleMapping;
  writer: boolean;
}) {
  const [rows, setRows] = useState(() => mapping.rows.map(draftOf));
  const [defaultRole, setDefaultRole] = useState(mapping.defaultRole ?? '');
  const { errors, message, busy, save } = useSave();
  const request = {
    rows: rows.map(mappingRowRequest),
    defaultRole: defaultRole.trim() === '' ? null : defaultRole.trim(),
  };
  const add = (kind: MappingRowDraft['kind']) =>
    setRows([
      ...rows,
      {
        key: nextKey++,
        kind,
        claim: 'groups',
        operator: 'CONTAINS',
        value: '',
        expression: kind === 'EXPRESSION' ? '"admins" in groups' : '',
        role: '',
      },
    ]);

  return (
    <div className="space-y-6">
      <Card>
        <CardHeader
          title="Role mapping"
          description="Turns the identity provider's claims into the application's role, which the attribute pass can send (CVAT reads it from X-Groups). The first row that matches gives the role."
          actions={
            writer && (
              <>
                <Button variant="secondary" size="sm" onClick={() => add('CLAIM')}>
                  <PlusIcon className="size-4" /> Claim row
                </Button>
                <Button variant="secondary" size="sm" onClick={() => add('EXPRESSION')}>
                  <PlusIcon className="size-4" /> Expression row
                </Button>
              </>
            )
          }
        />
        <CardBody>
          <FormMessage
            message={message}
            errors={errors}
            placed={(path) => /^rows\[\d+\]/.test(path) || path === 'defaultRole'}
          />
          <RoleMappingRows rows={rows} onChange={setRows} errors={errors} writer={writer} />
          <div className="mt-6 max-w-sm">
            {writer ? (
              <TextField
                label="Default role"
                optional
                hint="For users no row matches; empty leaves the role unset."
                value={defaultRole}
                onChange={setDefaultRole}
                error={errors.defaultRole}
                inputClassName="font-mono"
              />
            ) : (
              <p className="text-sm text-slate-700">
                Default role: <code>{mapping.defaultRole ?? 'none'}</code>
              </p>
            )}
          </div>
        </CardBody>
        {writer && (
          <CardFooter>
            <Button
              busy={busy}
              onClick={() =>
                void save(
                  () => replaceRoleMappingAction(applicationId, request),
                  'Role mapping saved',
                )
              }
            >
              Save role mapping
            </Button>
          </CardFooter>
        )}
      </Card>
      <RoleMappingCheckPanel rows={request.rows} defaultRole={request.defaultRole} />
    </div>
  );
}
