'use client';

import { CheckboxField } from '../ui/field';

/** Which of the deployment's identity providers users of the application may choose. */
export function IdpChoice({
  options,
  value,
  onChange,
  error,
  disabled,
}: {
  options: { id: string; name: string; issuer: string | null }[];
  value: string[];
  onChange: (ids: string[]) => void;
  error?: string | undefined;
  disabled?: boolean;
}) {
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-slate-800">Identity providers</legend>
      <p className="text-xs text-slate-500">
        Users sign in with one of these. An application without one is incomplete and not served.
      </p>
      {options.length === 0 ? (
        <p className="text-sm text-slate-500">This deployment has no identity provider yet.</p>
      ) : (
        options.map((idp) => (
          <CheckboxField
            key={idp.id}
            label={idp.name}
            hint={idp.issuer ?? undefined}
            checked={value.includes(idp.id)}
            disabled={disabled}
            onChange={(checked) =>
              onChange(checked ? [...value, idp.id] : value.filter((id) => id !== idp.id))
            }
          />
        ))
      )}
      {error && <p className="text-xs font-medium text-red-600">{error}</p>}
    </fieldset>
  );
}
