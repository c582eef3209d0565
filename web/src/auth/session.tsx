import { createContext, useCallback, useContext, useEffect, useMemo, useState } from "react";
import type { ReactNode } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { api, refreshSession, setAccessToken, whenSessionLost, type User } from "../api/client";
import { RequestFailed, unwrap } from "../api/errors";

interface SessionState {
  /** undefined while the page asks the server whether a session exists (after a reload). */
  user: User | null | undefined;
  /** True after the user signed out here: the next sign-in starts afresh, not on their page. */
  signedOut: boolean;
  signIn: (email: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const [signedOut, setSignedOut] = useState(false);
  const queryClient = useQueryClient();

  const forget = useCallback(() => {
    setAccessToken(null);
    queryClient.clear();
    setUser(null);
  }, [queryClient]);

  useEffect(() => {
    whenSessionLost(forget);
    // A reload: the refresh cookie, if any, brings the session back without a token in storage.
    void refreshSession().then((session) => setUser(session?.user ?? null));
  }, [forget]);

  const signIn = useCallback(async (email: string, password: string) => {
    const session = await unwrap(api.POST("/api/session", { body: { email, password } }));
    setAccessToken(session.access_token);
    setSignedOut(false);
    setUser(session.user);
  }, []);

  const signOut = useCallback(async () => {
    try {
      await unwrap(api.POST("/api/session/logout"));
    } catch (error) {
      if (!(error instanceof RequestFailed)) throw error;
    } finally {
      setSignedOut(true);
      forget();
    }
  }, [forget]);

  const value = useMemo(
    () => ({ user, signedOut, signIn, signOut }),
    [user, signedOut, signIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession outside SessionProvider");
  return value;
}

/** The signed-in user; only for pages behind the sign-in guard. */
export function useUser(): User {
  const { user } = useSession();
  if (!user) throw new Error("useUser without a signed-in user");
  return user;
}
