/**
 * The one way the app talks to ClinicHub: openapi-fetch on the types generated from openapi.json,
 * so a change of contract that breaks a page breaks its type check.
 *
 * The access token lives in this module's memory only. A 401 on any call refreshes the session
 * once (the refresh token is an HttpOnly cookie the page cannot read) and repeats the call; when
 * the refresh fails too, the app is told that the session is over.
 */
import createClient from "openapi-fetch";
import type { components, paths } from "../../../clients/typescript/schema";

export type Schemas = components["schemas"];
export type ApiError = Schemas["Error"];
export type Session = Schemas["SessionResponse"];
export type User = Schemas["UserSummary"];

let accessToken: string | null = null;
let refreshing: Promise<Session | null> | null = null;
let onSessionLost: () => void = () => undefined;

const SESSION_PATHS = ["/api/session", "/api/session/refresh", "/api/session/logout"];

export function setAccessToken(token: string | null): void {
  accessToken = token;
}

export function whenSessionLost(callback: () => void): void {
  onSessionLost = callback;
}

function withToken(request: Request): Request {
  if (accessToken) request.headers.set("Authorization", `Bearer ${accessToken}`);
  return request;
}

/** Ask for a new access token with the refresh cookie; concurrent 401s share one refresh. */
export function refreshSession(): Promise<Session | null> {
  refreshing ??= fetch("/api/session/refresh", { method: "POST", credentials: "same-origin" })
    .then(async (response) => (response.ok ? ((await response.json()) as Session) : null))
    .catch(() => null)
    .then((session) => {
      setAccessToken(session?.access_token ?? null);
      refreshing = null;
      return session;
    });
  return refreshing;
}

async function authorizedFetch(input: Request): Promise<Response> {
  const retry = input.clone();
  const response = await fetch(withToken(input));
  const path = new URL(input.url).pathname;
  if (response.status !== 401 || SESSION_PATHS.includes(path)) return response;
  const session = await refreshSession();
  if (!session) {
    onSessionLost();
    return response;
  }
  return fetch(withToken(retry));
}

export const api = createClient<paths>({
  baseUrl: window.location.origin,
  fetch: authorizedFetch,
  credentials: "same-origin",
});
