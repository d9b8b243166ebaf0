'use client';

import { signOut } from 'next-auth/react';
import { useEffect, useRef } from 'react';
import { ChevronDownIcon } from '../ui/icons';

/** A disclosure (<details>): keyboard and screen-reader friendly without a menu library. */
export function UserMenu({
  email,
  name,
  role,
}: {
  email: string;
  name: string | null;
  role: string;
}) {
  const menu = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    function close(event: MouseEvent | KeyboardEvent) {
      if (!menu.current?.open) return;
      if (
        event instanceof KeyboardEvent
          ? event.key === 'Escape'
          : !menu.current.contains(event.target as Node)
      ) {
        menu.current.open = false;
      }
    }
    document.addEventListener('click', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('click', close);
      document.removeEventListener('keydown', close);
    };
  }, []);
  const initials = (name ?? email).slice(0, 1).toUpperCase();
  return (
    <details ref={menu} className="relative">
      <summary
        aria-label="Account menu"
        className="flex cursor-pointer list-none items-center gap-2 rounded-md px-2 py-1.5 hover:bg-slate-100 [&::-webkit-details-marker]:hidden"
      >
        <span
          aria-hidden="true"
          className="flex size-8 items-center justify-center rounded-full bg-brand-600 text-sm font-semibold text-white"
        >
          {initials}
        </span>
        <span className="hidden text-left sm:block">
          <span className="block text-sm font-medium text-slate-800">{name ?? email}</span>
          <span className="block text-xs text-slate-500">{role.toLowerCase()}</span>
        </span>
        <ChevronDownIcon className="size-4 text-slate-400" />
      </summary>
      <div className="absolute right-0 z-40 mt-2 w-64 rounded-lg border border-slate-200 bg-white py-1 shadow-lg">
        <div className="border-b border-slate-100 px-4 py-3">
          <p className="text-xs text-slate-500">Signed in as</p>
          <p className="truncate text-sm font-medium text-slate-800">{email}</p>
        </div>
        <a
          href="/settings/api-tokens"
          className="block px-4 py-2 text-sm text-slate-700 hover:bg-slate-50"
        >
          API tokens
        </a>
        <button
          type="button"
          onClick={() => void signOut({ callbackUrl: '/sign-in' })}
          className="block w-full px-4 py-2 text-left text-sm text-slate-700 hover:bg-slate-50"
        >
          Sign out
        </button>
      </div>
    </details>
  );
}
