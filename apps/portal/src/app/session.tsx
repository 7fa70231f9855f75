import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { endpoints, type Endpoints } from '../api/endpoints';
import { createApi } from '../api/http';
import type { MessageKey } from '../i18n/catalogue';

// The login session: the bearer token lives in this tab's sessionStorage only (gone when the tab closes,
// never in localStorage or a cookie), and is dropped the moment it expires or the platform refuses it.

export interface Session {
  token: string;
  uscc: string;
  expiresAt: string;
}

export interface SessionState {
  session?: Session;
  api: Endpoints;
  /** A notice for the next page (logged out, session expired), in catalogue keys. */
  notice?: MessageKey;
  clearNotice(): void;
  begin(token: string, expiresInSeconds: number): Promise<void>;
  end(reason: 'logout' | 'expired'): Promise<void>;
}

const STORAGE_KEY = 'cfc.portal.session';
const SessionContext = createContext<SessionState | undefined>(undefined);

function stored(): Session | undefined {
  try {
    const s = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as Session | null;
    return s && typeof s.token === 'string' && Date.parse(s.expiresAt) > Date.now() ? s : undefined;
  } catch {
    return undefined;
  }
}

export function SessionProvider({ children }: { children: ComponentChildren }) {
  const [session, setSession] = useState<Session | undefined>(stored);
  const [notice, setNotice] = useState<MessageKey | undefined>(undefined);
  const current = useRef(session);
  current.current = session;

  const drop = useCallback((why?: MessageKey) => {
    sessionStorage.removeItem(STORAGE_KEY);
    current.current = undefined;
    setSession(undefined);
    if (why) setNotice(why);
  }, []);

  const api = useMemo(() => endpoints(createApi({ token: () => current.current?.token, onSessionEnded: () => drop('session.expired') })), [drop]);

  // Expire cleanly: at expiresAt the token is dropped and the page says why, without waiting for a 401.
  useEffect(() => {
    if (!session) return;
    const left = Date.parse(session.expiresAt) - Date.now();
    const timer = setTimeout(() => drop('session.expired'), Math.max(0, Math.min(left, 2 ** 31 - 1)));
    return () => clearTimeout(timer);
  }, [session, drop]);

  const value = useMemo<SessionState>(
    () => ({
      session,
      api,
      notice,
      clearNotice: () => setNotice(undefined),
      begin: async (token, expiresInSeconds) => {
        const provisional = { token, uscc: '', expiresAt: new Date(Date.now() + expiresInSeconds * 1000).toISOString() };
        current.current = provisional;
        // The gateway says whose token it is. The expiry is counted from expires_in on this computer's
        // clock, so a computer whose clock is off still drops the token when the platform stops taking it.
        const who = await api.session();
        const next = { ...provisional, uscc: who.id };
        sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
        setNotice(undefined);
        setSession(next);
      },
      end: async (reason) => {
        if (reason === 'logout' && current.current) await api.logout().catch(() => undefined);
        drop(reason === 'logout' ? 'session.loggedOut' : 'session.expired');
      },
    }),
    [session, api, notice, drop],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}
