'use client';

import { useEffect, useRef, useState } from 'react';
import { Badge } from '../ui/badge';
import { Spinner } from '../ui/button';
import { Card, CardBody, CardHeader } from '../ui/card';
import { SelectField, TextAreaField, TextField } from '../ui/field';
import { ACTION_LABEL, ACTION_TONE } from './rule-draft';
import { testRequestAction } from '@/ui/actions/application-actions';
import type { RequestExplanation } from '@/ui/explain-request';
import type { TRule } from '@gatehouse/contract';

// The request being tried outlives the editor remounting after a save (it is keyed by the
// configuration version), so a save does not wipe what was typed here.
const remembered = { method: 'GET', target: '/api/tasks', headers: '', clientAddress: '' };

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'].map((method) => ({
  value: method,
  label: method,
}));

/**
 * "What would the agent do with this request?", answered by the agent's own rule matcher over
 * the rules as they stand in the editor (saved or not), as you type.
 */
export function RequestTester({
  rules,
  defaultAction,
  onMatched,
}: {
  rules: unknown[];
  defaultAction: TRule['action'];
  onMatched: (priority: number | null | undefined) => void;
}) {
  const [method, setMethod] = useState(remembered.method);
  const [target, setTarget] = useState(remembered.target);
  const [headers, setHeaders] = useState(remembered.headers);
  const [clientAddress, setClientAddress] = useState(remembered.clientAddress);
  Object.assign(remembered, { method, target, headers, clientAddress });
  const [answer, setAnswer] = useState<RequestExplanation | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const latest = useRef(0);
  const payload = JSON.stringify({ rules, defaultAction, method, target, headers, clientAddress });

  useEffect(() => {
    const request = ++latest.current;
    setPending(true);
    const timer = setTimeout(() => {
      void testRequestAction(JSON.parse(payload)).then((result) => {
        if (request !== latest.current) return;
        setPending(false);
        if (result.ok) {
          setAnswer(result.data);
          setProblem(null);
          onMatched(result.data.priority);
        } else {
          setAnswer(null);
          onMatched(undefined);
          const first = Object.entries(result.fieldErrors)[0];
          setProblem(first ? `${result.message} (${first[0]}: ${first[1]})` : result.message);
        }
      });
    }, 250);
    return () => clearTimeout(timer);
  }, [payload, onMatched]);

  return (
    <Card>
      <CardHeader
        title="Test a request"
        description="Which rule matches, and what the agent would do. Paths are matched after the agent normalizes them."
      />
      <CardBody className="grid gap-6 lg:grid-cols-2">
        <div className="grid gap-4">
          <div className="grid grid-cols-[120px_1fr] gap-3">
            <SelectField label="Method" value={method} onChange={setMethod} options={METHODS} />
            <TextField
              label="Path and query"
              value={target}
              onChange={setTarget}
              inputClassName="font-mono"
              placeholder="/api/tasks?sign=abc"
            />
          </div>
          <TextAreaField
            label="Headers"
            optional
            rows={3}
            hint="One per line, e.g. Authorization: Token abc123"
            value={headers}
            onChange={setHeaders}
            inputClassName="font-mono text-xs"
          />
          <TextField
            label="Client IP"
            optional
            hint="For source IP conditions; 203.0.113.10 when empty."
            value={clientAddress}
            onChange={setClientAddress}
            inputClassName="font-mono"
          />
        </div>
        <div
          aria-live="polite"
          data-testid="test-result"
          className="rounded-lg border border-slate-200 bg-slate-50 p-5"
        >
          <p className="mb-3 flex items-center gap-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">
            Result {pending && <Spinner />}
          </p>
          {problem && <p className="text-sm text-red-700">{problem}</p>}
          {answer && (
            <div className="space-y-3">
              <div className="flex items-center gap-3">
                <Badge tone={ACTION_TONE[answer.action]}>{ACTION_LABEL[answer.action]}</Badge>
                <span className="text-sm font-medium text-slate-900" data-testid="test-result-rule">
                  {answer.priority === null
                    ? 'No rule matched: the default action applies'
                    : `Matched ${answer.label}`}
                </span>
              </div>
              <p className="text-sm text-slate-700">{answer.outcome}</p>
              {answer.afterSignIn.length > 0 && (
                <p className="text-sm text-slate-700">
                  After sign-in, allowed only for users with {answer.afterSignIn.join(' and ')};
                  others get 403.
                </p>
              )}
            </div>
          )}
        </div>
      </CardBody>
    </Card>
  );
}
