import { cookies } from 'next/headers';
import { wizardHref, ZWizardState, type WizardState } from './wizard-href';

export { wizardHref, ZWizardState, type WizardState };

const COOKIE = 'gatehouse-wizard';
const THIRTY_DAYS = 30 * 24 * 3600;

export async function readWizardCookie(): Promise<WizardState | null> {
  const raw = (await cookies()).get(COOKIE)?.value;
  if (!raw) return null;
  try {
    return ZWizardState.parse(Object.fromEntries(new URLSearchParams(raw)));
  } catch {
    return null;
  }
}

/** Only from a server action or route handler (cookies are read-only while a page renders). */
export async function writeWizardCookie(state: WizardState): Promise<void> {
  const value = wizardHref(state).split('?')[1] ?? '';
  (await cookies()).set(COOKIE, value, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    maxAge: THIRTY_DAYS,
  });
}

export async function clearWizardCookie(): Promise<void> {
  (await cookies()).delete(COOKIE);
}
