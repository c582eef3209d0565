/**
 * Pages rendered against a fake API, for tests: every request goes to `routes` ("GET /api/users"
 * -> a handler of the URL and the body), unknown ones are a 404. An axe-core check lists the
 * serious and critical violations (contrast is left to the browser tests: jsdom has no layout).
 */
import { MantineProvider } from "@mantine/core";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render } from "@testing-library/react";
import axe from "axe-core";
import type { ReactNode } from "react";
import { createMemoryRouter, RouterProvider } from "react-router";
import { vi } from "vitest";
import { SessionProvider, useSession } from "./auth/session";

/** After each test: unmount what it rendered, and give `fetch` back. */
export function resetPages() {
  cleanup();
  vi.unstubAllGlobals();
}

export type Handler = (url: URL, body: unknown) => unknown;
export interface Call {
  method: string;
  url: URL;
  body: unknown;
  headers: Headers;
}

export const CLINIC = { timezone: "America/New_York", currency: "USD", today: "2026-12-07" };

export const ADMIN = {
  user_id: 1,
  email: "admin@clinichub.com",
  first_name: "Ada",
  last_name: "Admin",
  role: "admin",
};

/** A response that is not a 200: `throw reply(409, {...})` from a handler. */
export class Reply {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {}
}

function polyfill() {
  window.matchMedia ??= (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
  Element.prototype.scrollIntoView ??= () => undefined;
  // jsdom has no canvas; axe-core asks for one and copes without.
  HTMLCanvasElement.prototype.getContext = () => null;
}

function SignedIn({ children }: { children: ReactNode }) {
  return useSession().user ? children : null;
}

/** A request's JSON body, or a multipart form's fields (each file as "(file)"). */
async function bodyOf(input: Request): Promise<unknown> {
  if (input.headers.get("Content-Type")?.startsWith("multipart/form-data")) {
    const fields = [...(await input.formData()).entries()];
    return Object.fromEntries(
      fields.map(([name, value]) => [name, typeof value === "string" ? value : "(file)"]),
    );
  }
  const text = await input.text();
  return text ? JSON.parse(text) : undefined;
}

export function renderPage(
  element: ReactNode,
  routes: Record<string, Handler>,
  { path = "/", at = "/", user = ADMIN }: { path?: string; at?: string; user?: object } = {},
) {
  polyfill();
  const calls: Call[] = [];
  const all: Record<string, Handler> = {
    "POST /api/session/refresh": () => ({ access_token: "token", user }),
    "GET /api/clinic": () => CLINIC,
    ...routes,
  };
  vi.stubGlobal("fetch", async (resource: Request | string, init?: RequestInit) => {
    const input =
      typeof resource === "string"
        ? new Request(new URL(resource, location.origin), init)
        : resource;
    const url = new URL(input.url);
    const body = await bodyOf(input);
    calls.push({ method: input.method, url, body, headers: input.headers });
    const handler = all[`${input.method} ${url.pathname}`];
    const json = (status: number, value: unknown) =>
      new Response(JSON.stringify(value), {
        status,
        headers: { "Content-Type": "application/json" },
      });
    if (!handler) return json(404, { error: "Not found", code: "not_found" });
    try {
      return json(200, handler(url, body));
    } catch (failure) {
      if (failure instanceof Reply) return json(failure.status, failure.body);
      throw failure;
    }
  });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter([{ path, element }], { initialEntries: [at] });
  const view = render(
    <MantineProvider>
      <QueryClientProvider client={queryClient}>
        <SessionProvider>
          <SignedIn>
            <RouterProvider router={router} />
          </SignedIn>
        </SessionProvider>
      </QueryClientProvider>
    </MantineProvider>,
  );
  return { ...view, calls };
}

export function page<T>(items: T[], key: string) {
  return {
    [key]: items,
    pagination: {
      total: items.length,
      pages: 1,
      page: 1,
      per_page: 20,
      has_next: false,
      has_prev: false,
    },
  };
}

/** What axe-core finds serious or critical in the rendered page. */
export async function seriousViolations(container: HTMLElement): Promise<string[]> {
  const result = await axe.run(container, { rules: { "color-contrast": { enabled: false } } });
  return result.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.nodes.map((n) => n.html).join(" | ")}`);
}
