'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';
import { cn } from '../ui/cn';
import {
  BookIcon,
  HomeIcon,
  KeyIcon,
  ListIcon,
  RocketIcon,
  ServerIcon,
  UsersIcon,
} from '../ui/icons';

interface Item {
  href: string;
  label: string;
  icon: ReactNode;
}

const MAIN: Item[] = [
  { href: '/', label: 'Dashboard', icon: <HomeIcon /> },
  { href: '/getting-started', label: 'Getting started', icon: <RocketIcon /> },
  { href: '/deployments', label: 'Deployments', icon: <ServerIcon /> },
  { href: '/audit-log', label: 'Audit log', icon: <ListIcon /> },
];

const SETTINGS: Item[] = [
  { href: '/settings/members', label: 'Members', icon: <UsersIcon /> },
  { href: '/settings/api-tokens', label: 'API tokens', icon: <KeyIcon /> },
];

function isActive(pathname: string, href: string): boolean {
  if (href === '/') return pathname === '/';
  // Applications live under their deployment in the navigation.
  if (href === '/deployments' && pathname.startsWith('/applications')) return true;
  return pathname === href || pathname.startsWith(`${href}/`);
}

export function SidebarNav({ canWrite }: { canWrite: boolean }) {
  const pathname = usePathname();
  const main = canWrite ? MAIN : MAIN.filter((item) => item.href !== '/getting-started');
  return (
    <nav aria-label="Main" className="flex flex-1 flex-col gap-6 px-3 py-4">
      <NavGroup items={main} pathname={pathname} />
      <div>
        <p className="px-3 pb-2 text-xs font-semibold tracking-wide text-slate-400 uppercase">
          Organization
        </p>
        <NavGroup items={SETTINGS} pathname={pathname} />
      </div>
      <div className="mt-auto">
        <NavGroup
          items={[{ href: '/docs/api', label: 'API reference', icon: <BookIcon /> }]}
          pathname={pathname}
        />
      </div>
    </nav>
  );
}

function NavGroup({ items, pathname }: { items: Item[]; pathname: string }) {
  return (
    <ul className="space-y-0.5">
      {items.map((item) => {
        const active = isActive(pathname, item.href);
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={active ? 'page' : undefined}
              className={cn(
                'flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium',
                active
                  ? 'bg-brand-50 text-brand-700'
                  : 'text-slate-600 hover:bg-slate-100 hover:text-slate-900',
              )}
            >
              {item.icon}
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
