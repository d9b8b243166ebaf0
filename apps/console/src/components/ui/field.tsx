'use client';

import { useId, type ReactNode } from 'react';
import { cn } from './cn';
import { inputClass } from './input-class';

interface FieldShellProps {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  optional?: boolean;
  className?: string;
  children: (aria: FieldAria) => ReactNode;
}

export interface FieldAria {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': boolean | undefined;
}

/**
 * Label, one-line explanation and the field's error, wired for screen readers: the input is
 * described by the hint and the error, and marked invalid while the error shows.
 */
export function Field({ label, hint, error, optional, className, children }: FieldShellProps) {
  const { aria, messages } = useFieldMessages(hint, error);
  return (
    <div className={cn('space-y-1.5', className)}>
      <label
        htmlFor={aria.id}
        className="flex items-baseline gap-2 text-sm font-medium text-slate-800"
      >
        {label}
        {optional && <span className="text-xs font-normal text-slate-400">optional</span>}
      </label>
      {children(aria)}
      {messages}
    </div>
  );
}

/**
 * A field's ids and aria attributes, and its error and hint as the paragraphs those attributes
 * point at: what every field (an input, a group of radios) shows the same way.
 */
function useFieldMessages(hint: ReactNode, error: string | undefined) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const aria: FieldAria = {
    id,
    'aria-describedby': [errorId, hintId].filter(Boolean).join(' ') || undefined,
    'aria-invalid': error ? true : undefined,
  };
  const messages = (
    <>
      {error && (
        <p id={errorId} className="text-xs font-medium text-red-600">
          {error}
        </p>
      )}
      {hint && (
        <p id={hintId} className="text-xs text-slate-500">
          {hint}
        </p>
      )}
    </>
  );
  return { aria, messages };
}

interface TextFieldProps {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  value: string;
  onChange: (value: string) => void;
  name?: string;
  type?: string;
  placeholder?: string;
  autoComplete?: string;
  optional?: boolean;
  disabled?: boolean;
  className?: string;
  inputClassName?: string;
}

export function TextField({ label, hint, error, optional, className, ...input }: TextFieldProps) {
  return (
    <Field label={label} hint={hint} error={error} optional={optional} className={className}>
      {(aria) => (
        <input
          {...aria}
          name={input.name}
          type={input.type ?? 'text'}
          value={input.value}
          placeholder={input.placeholder}
          autoComplete={input.autoComplete}
          disabled={input.disabled}
          onChange={(event) => input.onChange(event.target.value)}
          className={inputClass(Boolean(error), input.inputClassName)}
        />
      )}
    </Field>
  );
}

export function TextAreaField({
  label,
  hint,
  error,
  optional,
  className,
  rows = 3,
  ...input
}: TextFieldProps & { rows?: number }) {
  return (
    <Field label={label} hint={hint} error={error} optional={optional} className={className}>
      {(aria) => (
        <textarea
          {...aria}
          name={input.name}
          rows={rows}
          value={input.value}
          placeholder={input.placeholder}
          disabled={input.disabled}
          onChange={(event) => input.onChange(event.target.value)}
          className={inputClass(Boolean(error), input.inputClassName)}
        />
      )}
    </Field>
  );
}

/** One choice among `options`, as a select or a radio group. */
interface ChoiceFieldProps {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  value: string;
  onChange: (value: string) => void;
  options: readonly { value: string; label: string }[];
  disabled?: boolean;
  className?: string;
}

export function SelectField({
  label,
  hint,
  error,
  value,
  onChange,
  options,
  name,
  disabled,
  className,
}: ChoiceFieldProps & { name?: string }) {
  return (
    <Field label={label} hint={hint} error={error} className={className}>
      {(aria) => (
        <select
          {...aria}
          name={name}
          value={value}
          disabled={disabled}
          onChange={(event) => onChange(event.target.value)}
          className={inputClass(Boolean(error), 'pr-8')}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function CheckboxField({
  label,
  hint,
  checked,
  onChange,
  disabled,
}: {
  label: ReactNode;
  hint?: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <div className="flex items-start gap-3">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => onChange(event.target.checked)}
        className="mt-0.5 size-4 rounded border-slate-300 accent-brand-600"
      />
      <div>
        <label htmlFor={id} className="text-sm font-medium text-slate-800">
          {label}
        </label>
        {hint && (
          <p id={`${id}-hint`} className="text-xs text-slate-500">
            {hint}
          </p>
        )}
      </div>
    </div>
  );
}

/**
 * A few mutually exclusive choices, all visible: native radios in a fieldset, so the legend
 * names the group and arrow keys move between choices.
 */
export function RadioGroupField({
  label,
  hint,
  error,
  value,
  onChange,
  options,
  disabled,
  className,
}: ChoiceFieldProps) {
  const { aria, messages } = useFieldMessages(hint, error);
  return (
    <fieldset
      className={cn('space-y-1.5', className)}
      aria-describedby={aria['aria-describedby']}
      aria-invalid={aria['aria-invalid']}
    >
      <legend className="mb-1.5 text-sm font-medium text-slate-800">{label}</legend>
      <div className="flex flex-wrap gap-x-6 gap-y-2">
        {options.map((option) => (
          <label key={option.value} className="flex items-center gap-2 text-sm text-slate-800">
            <input
              type="radio"
              name={aria.id}
              value={option.value}
              checked={value === option.value}
              disabled={disabled}
              onChange={() => onChange(option.value)}
              className="size-4 border-slate-300 accent-brand-600"
            />
            {option.label}
          </label>
        ))}
      </div>
      {messages}
    </fieldset>
  );
}
