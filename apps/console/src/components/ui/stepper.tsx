import { cn } from './cn';
import { CheckIcon } from './icons';

export interface Step {
  title: string;
  description: string;
}

/** The wizard's progress: done steps ticked, the current one marked for screen readers too. */
export function Stepper({ steps, current }: { steps: readonly Step[]; current: number }) {
  return (
    <nav aria-label="Progress">
      <ol className="grid gap-3 md:grid-cols-4">
        {steps.map((step, index) => {
          const number = index + 1;
          const done = number < current;
          const active = number === current;
          return (
            <li
              key={step.title}
              aria-current={active ? 'step' : undefined}
              className={cn(
                'flex items-start gap-3 rounded-lg border px-4 py-3',
                active && 'border-brand-500 bg-brand-50/60 ring-1 ring-brand-500',
                done && 'border-slate-200 bg-white',
                !active && !done && 'border-slate-200 bg-white/60',
              )}
            >
              <span
                className={cn(
                  'flex size-7 shrink-0 items-center justify-center rounded-full text-xs font-semibold',
                  done && 'bg-brand-600 text-white',
                  active && 'border-2 border-brand-600 text-brand-700',
                  !active && !done && 'border-2 border-slate-300 text-slate-500',
                )}
              >
                {done ? <CheckIcon className="size-4" /> : number}
              </span>
              <span className="min-w-0">
                <span
                  className={cn(
                    'block text-sm font-semibold',
                    active ? 'text-brand-700' : done ? 'text-slate-800' : 'text-slate-500',
                  )}
                >
                  {step.title}
                  <span className="sr-only">{done ? ' (done)' : active ? ' (current)' : ''}</span>
                </span>
                <span className="block text-xs text-slate-500">{step.description}</span>
              </span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
