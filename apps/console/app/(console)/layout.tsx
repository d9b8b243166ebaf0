import Link from 'next/link';
import type { ReactNode } from 'react';
import { Brand } from '@/components/shell/brand';
import { SidebarNav } from '@/components/shell/sidebar-nav';
import { UserMenu } from '@/components/shell/user-menu';
import { Badge } from '@/components/ui/badge';
import { ToastProvider } from '@/components/ui/toast';
import { getCurrentMember } from '@/server/accounts/get-current-member';
import { canWrite, requirePageActor } from '@/ui/session';

export const dynamic = 'force-dynamic';

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const actor = await requirePageActor();
  const me = await getCurrentMember(actor);
  return (
    <ToastProvider>
      <a
        href="#main"
        className="sr-only z-50 rounded bg-white px-3 py-2 focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        Skip to content
      </a>
      <div className="flex min-h-screen">
        <aside className="hidden w-60 shrink-0 border-r border-slate-200 bg-white md:block">
          <div className="sticky top-0 flex h-screen flex-col">
            <div className="flex h-16 items-center border-b border-slate-200 px-5">
              <Link href="/" aria-label="Gatehouse dashboard">
                <Brand />
              </Link>
            </div>
            <SidebarNav canWrite={canWrite(actor)} />
          </div>
        </aside>
        <div className="flex min-w-0 flex-1 flex-col">
          <header className="sticky top-0 z-30 flex h-16 items-center justify-between gap-4 border-b border-slate-200 bg-white/90 px-6 backdrop-blur">
            <div className="flex min-w-0 items-center gap-3">
              <span className="md:hidden">
                <Brand />
              </span>
              <span className="text-xs text-slate-400">Organization</span>
              <span
                className="truncate text-sm font-semibold text-slate-800"
                data-testid="organization-name"
              >
                {me.organization.name}
              </span>
              {!canWrite(actor) && <Badge tone="amber">Read-only</Badge>}
            </div>
            <UserMenu email={me.user.email} name={me.user.name} role={me.role} />
          </header>
          <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-6 py-8">
            {children}
          </main>
        </div>
      </div>
    </ToastProvider>
  );
}
