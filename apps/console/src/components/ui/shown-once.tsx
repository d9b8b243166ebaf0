import { Alert } from './alert';
import { CopyField } from './code-block';
import { cn } from './cn';

export interface ShownOnceProps {
  tone?: 'warning' | 'success';
  /** Says what to do with the values, and that they are shown only once. */
  title: string;
  /** Each value's label names it to screen readers and its copy button ("Copy <label>"). */
  values: readonly { label: string; value: string }[];
  className?: string;
}

/**
 * Values just issued that the console cannot show again (it keeps only their hash): one copy
 * field each, under a title that says so.
 */
export function ShownOnce({ tone = 'warning', title, values, className }: ShownOnceProps) {
  return (
    <Alert tone={tone} title={title} className={className}>
      <div className={cn('mt-2', values.length > 1 && 'grid gap-3 md:grid-cols-2')}>
        {values.map(({ label, value }) => (
          <CopyField key={label} value={value} label={label} />
        ))}
      </div>
    </Alert>
  );
}
