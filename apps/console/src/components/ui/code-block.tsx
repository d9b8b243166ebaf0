import { CopyButton } from './copy-button';

/** A snippet to paste somewhere else, with a copy button. */
export function CodeBlock({ code, label, title }: { code: string; label: string; title?: string }) {
  return (
    <figure className="overflow-hidden rounded-lg border border-slate-800 bg-slate-900">
      <figcaption className="flex items-center justify-between border-b border-slate-700 px-4 py-2">
        <span className="text-xs font-medium text-slate-300">{title ?? label}</span>
        <CopyButton value={code} label={`Copy ${label}`} />
      </figcaption>
      <pre className="overflow-x-auto px-4 py-3 text-xs leading-relaxed text-slate-100">
        <code>{code}</code>
      </pre>
    </figure>
  );
}

/** One value (a key, a URL) on a line, monospace, with a copy button. */
export function CopyField({ value, label }: { value: string; label: string }) {
  return (
    <div className="flex items-center gap-2">
      <code
        aria-label={label}
        className="min-w-0 flex-1 truncate rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-xs text-slate-800"
      >
        {value}
      </code>
      <CopyButton value={value} label={`Copy ${label}`} />
    </div>
  );
}
