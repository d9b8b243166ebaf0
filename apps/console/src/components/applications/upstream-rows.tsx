'use client';

import { Button } from '../ui/button';
import { inputClass } from '../ui/input-class';
import { PlusIcon, TrashIcon } from '../ui/icons';
import type { FieldErrors } from '@/ui/action-result';

/** One input per upstream server; rows can be added and removed (at least one stays). */
export function UpstreamRows({
  values,
  onChange,
  errors,
  disabled,
}: {
  values: string[];
  onChange: (values: string[]) => void;
  errors: FieldErrors;
  disabled?: boolean;
}) {
  const listError = errors['upstreamServers'];
  return (
    <fieldset className="space-y-1.5">
      <legend className="text-sm font-medium text-slate-800">Upstream servers</legend>
      <p id="upstream-hint" className="text-xs text-slate-500">
        How the agent reaches your app, e.g. <code>http://traefik:8080</code> for CVAT. Several
        servers are balanced.
      </p>
      <ul className="space-y-2 pt-1">
        {values.map((value, index) => {
          const error = errors[`upstreamServers[${index}]`];
          return (
            <li key={index}>
              <div className="flex gap-2">
                <input
                  aria-label={`Upstream server ${index + 1}`}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `upstream-${index}-error` : 'upstream-hint'}
                  value={value}
                  disabled={disabled}
                  placeholder="http://traefik:8080"
                  onChange={(event) =>
                    onChange(values.map((old, at) => (at === index ? event.target.value : old)))
                  }
                  className={inputClass(Boolean(error), 'font-mono')}
                />
                <Button
                  variant="ghost"
                  aria-label={`Remove upstream server ${index + 1}`}
                  disabled={disabled || values.length === 1}
                  onClick={() => onChange(values.filter((_, at) => at !== index))}
                >
                  <TrashIcon className="size-4" />
                </Button>
              </div>
              {error && (
                <p id={`upstream-${index}-error`} className="mt-1 text-xs font-medium text-red-600">
                  {error}
                </p>
              )}
            </li>
          );
        })}
      </ul>
      {listError && <p className="text-xs font-medium text-red-600">{listError}</p>}
      <Button
        variant="secondary"
        size="sm"
        disabled={disabled || values.length >= 32}
        onClick={() => onChange([...values, ''])}
      >
        <PlusIcon className="size-4" /> Add upstream server
      </Button>
    </fieldset>
  );
}
