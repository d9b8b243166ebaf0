import type { ReactNode } from 'react';
import { Brand } from '../shell/brand';
import { CheckIcon } from '../ui/icons';

const POINTS = [
  'Single sign-on in front of apps that have none, without changing them',
  'Identity passed upstream as headers, cookies or a signed JWT',
  'Rules, role mapping and attribute pass applied by every agent within a second',
];

/** The frame of the signed-out pages: the form on the right, what Gatehouse does on the left. */
export function AuthShell({
  title,
  subtitle,
  children,
  footer,
}: {
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <div className="grid min-h-screen lg:grid-cols-2">
      <div className="hidden flex-col justify-between bg-slate-900 p-12 text-slate-100 lg:flex">
        <span className="[&_span]:text-white">
          <Brand />
        </span>
        <div>
          <h2 className="max-w-md text-3xl font-semibold tracking-tight text-white">
            Identity-aware access for every internal app.
          </h2>
          <ul className="mt-8 space-y-4">
            {POINTS.map((point) => (
              <li key={point} className="flex gap-3 text-slate-300">
                <span className="mt-0.5 text-emerald-400">
                  <CheckIcon />
                </span>
                {point}
              </li>
            ))}
          </ul>
        </div>
        <p className="text-xs text-slate-500">Gatehouse console</p>
      </div>
      <main className="flex items-center justify-center px-6 py-12">
        <div className="w-full max-w-sm">
          <div className="mb-8 lg:hidden">
            <Brand />
          </div>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
          {subtitle && <p className="mt-2 text-sm text-slate-500">{subtitle}</p>}
          <div className="mt-8">{children}</div>
          {footer && <div className="mt-6 text-sm text-slate-500">{footer}</div>}
        </div>
      </main>
    </div>
  );
}
