// The signed-in user, shared through context. Logging in and restoring the session also hand
// the CSRF token to the API client.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { api, setCsrfToken } from '../api/client';
import type { Session, SessionUser } from '../api/types';

export async function fetchSession(): Promise<Session> {
  const session = await api.get<Session>('/session');
  setCsrfToken(session.csrf_token);
  return session;
}

export async function logIn(username: string, password: string): Promise<Session> {
  const session = await api.post<Session>('/session', { username, password });
  setCsrfToken(session.csrf_token);
  return session;
}

export async function logOut(): Promise<void> {
  try {
    await api.del('/session');
  } finally {
    setCsrfToken('');
  }
}

export interface SessionContextValue { user: SessionUser; signOut: () => void }

export const SessionContext = createContext<SessionContextValue | null>(null);

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside a signed-in screen');
  return value;
}
