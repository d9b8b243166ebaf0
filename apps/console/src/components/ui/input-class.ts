import { cn } from './cn';

/** The look of every text input, select and textarea; red while the field has an error. */
export function inputClass(invalid = false, extra?: string): string {
  // A width in `extra` replaces the default full width (class order cannot decide between two).
  const width = extra && /(^|\s)(min-)?w-/.test(extra) ? '' : 'w-full';
  return cn(
    'block rounded-md border bg-white px-3 py-2 text-sm text-slate-900 shadow-xs placeholder:text-slate-400',
    width,
    'focus:outline-2 focus:outline-offset-0 disabled:bg-slate-50 disabled:text-slate-500',
    invalid
      ? 'border-red-400 focus:outline-red-500'
      : 'border-slate-300 focus:border-brand-500 focus:outline-brand-500/40',
    extra,
  );
}
