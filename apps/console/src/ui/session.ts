import { notFound, redirect } from 'next/navigation';
import { roleAllows, type Actor } from '@/server/api/actor';
import { getSessionActor } from '@/server/auth/get-session-actor';
import { AppError } from '@/server/errors/app-error';

/** The signed-in member for a page; nobody signed in (or no longer a member) goes to sign-in. */
export async function requirePageActor(): Promise<Actor> {
  try {
    return await getSessionActor();
  } catch (error) {
    if (error instanceof AppError && error.code === 'unauthorized') redirect('/sign-in');
    throw error;
  }
}

/** Viewers see every page but no control that would change something. */
export function canWrite(actor: Actor): boolean {
  return roleAllows(actor.role, 'write');
}

export function isOwner(actor: Actor): boolean {
  return roleAllows(actor.role, 'owner');
}

/** Loads something a page is about; an unknown id (or another organization's) shows the 404 page. */
export async function loadOrNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  }
}
