'use client';

import { useEffect, useRef, useState } from 'react';
import { Spinner } from '../ui/button';
import { Card, CardBody, CardHeader } from '../ui/card';
import { TextAreaField } from '../ui/field';
import { checkRoleMappingAction } from '@/ui/actions/application-actions';
import type { RoleMappingCheck } from '@/ui/check-role-mapping';

const SAMPLE = JSON.stringify(
  { email: 'alice@example.com', preferred_username: 'alice', groups: ['cvat-admins', 'staff'] },
  null,
  2,
);

const STATE_TEXT = {
  match: 'matches',
  'no-match': 'does not match',
  skipped: 'not reached',
} as const;

/** The mapping as edited, run live against a sample ID token's claims. */
export function RoleMappingCheckPanel({
  rows,
  defaultRole,
}: {
  rows: unknown[];
  defaultRole: string | null;
}) {
  const [claims, setClaims] = useState(SAMPLE);
  const [result, setResult] = useState<RoleMappingCheck | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const latest = useRef(0);
  const payload = JSON.stringify({ rows, defaultRole, claims });

  useEffect(() => {
    const request = ++latest.current;
    setPending(true);
    const timer = setTimeout(() => {
      void checkRoleMappingAction(JSON.parse(payload)).then((answer) => {
        if (request !== latest.current) return;
        setPending(false);
        if (answer.ok) {
          setResult(answer.data);
          setProblem(null);
        } else setProblem(answer.message);
      });
    }, 250);
    return () => clearTimeout(timer);
  }, [payload]);

  return (
    <Card>
      <CardHeader
        title="Check against sample claims"
        description="Paste the claims of an ID token from your provider; the result updates as you edit the rows or the claims."
      />
      <CardBody className="grid gap-6 lg:grid-cols-2">
        <TextAreaField
          label="Sample claims (JSON)"
          rows={7}
          value={claims}
          onChange={setClaims}
          inputClassName="font-mono text-xs"
          error={result?.claimsError ?? undefined}
        />
        <div
          aria-live="polite"
          data-testid="mapping-result"
          className="rounded-lg border border-slate-200 bg-slate-50 p-5"
        >
          <p className="mb-3 flex items-center gap-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">
            Result {pending && <Spinner />}
          </p>
          {problem && <p className="text-sm text-red-700">{problem}</p>}
          {result && !result.claimsError && (
            <>
              <p className="text-sm text-slate-700">
                Role:{' '}
                <code
                  className="rounded bg-white px-2 py-0.5 text-base font-semibold text-slate-900"
                  data-testid="mapping-role"
                >
                  {result.role ?? '(none)'}
                </code>{' '}
                {result.matchedRow === null
                  ? 'from the default role'
                  : `from row ${result.matchedRow + 1}`}
              </p>
              <ul className="mt-3 space-y-1 text-xs">
                {result.rows.map((row) => (
                  <li
                    key={row.index}
                    className={
                      row.state === 'error'
                        ? 'text-red-700'
                        : row.state === 'match'
                          ? 'font-medium text-emerald-700'
                          : 'text-slate-500'
                    }
                  >
                    Row {row.index + 1}:{' '}
                    {row.state === 'error' ? row.message : STATE_TEXT[row.state]}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      </CardBody>
    </Card>
  );
}
