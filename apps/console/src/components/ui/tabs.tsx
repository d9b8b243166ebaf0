import Link from 'next/link';
import { cn } from './cn';

export interface TabLink {
  id: string;
  label: string;
  href: string;
  count?: number;
}

/** Tabs as links (each tab has a URL, so reload and back work); the current one is marked. */
export function TabNav({
  tabs,
  current,
  label,
}: {
  tabs: TabLink[];
  current: string;
  label: string;
}) {
  return (
    <nav aria-label={label} className="mb-6 border-b border-slate-200">
      <ul className="-mb-px flex gap-6 overflow-x-auto">
        {tabs.map((tab) => {
          const active = tab.id === current;
          return (
            <li key={tab.id}>
              <Link
                href={tab.href}
                aria-current={active ? 'page' : undefined}
                scroll={false}
                className={cn(
                  'inline-flex items-center gap-2 border-b-2 px-0.5 pt-1 pb-3 text-sm font-medium whitespace-nowrap',
                  active
                    ? 'border-brand-600 text-brand-700'
                    : 'border-transparent text-slate-500 hover:border-slate-300 hover:text-slate-700',
                )}
              >
                {tab.label}
                {tab.count !== undefined && (
                  <span
                    className={cn(
                      'rounded-full px-1.5 py-0.5 text-xs',
                      active ? 'bg-brand-50 text-brand-700' : 'bg-slate-100 text-slate-600',
                    )}
                  >
                    {tab.count}
                  </span>
                )}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
