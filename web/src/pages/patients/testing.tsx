/** Rendering the area's components in the unit tests: Mantine and a fresh query cache. */
import { MantineProvider } from "@mantine/core";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import type { ReactNode } from "react";
import { SessionProvider, useSession } from "../../auth/session";

// jsdom lacks what Mantine asks the browser for.
export function stubBrowser(): void {
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
}

export function renderWithProviders(ui: ReactNode, { session = false } = {}) {
  stubBrowser();
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <MantineProvider>
      <QueryClientProvider client={client}>
        {session ? (
          <SessionProvider>
            <SignedIn>{ui}</SignedIn>
          </SessionProvider>
        ) : (
          ui
        )}
      </QueryClientProvider>
    </MantineProvider>,
  );
}

/** Its children once the fake server's session is open, as the app's layout does. */
function SignedIn({ children }: { children: ReactNode }) {
  return useSession().user ? children : null;
}

type Handler = (request: Request) => [number, unknown] | undefined;

/**
 * A fake server: each request goes to the first handler that answers it (status and JSON body);
 * the session refresh signs in `role`. The requests are kept, in order.
 */
export function fakeServer(role: string, ...handlers: Handler[]) {
  const requests: Request[] = [];
  const fetch = async (input: Request | string, init?: RequestInit) => {
    const request =
      input instanceof Request ? input : new Request(new URL(input, location.href), init);
    requests.push(request.clone());
    const path = new URL(request.url).pathname;
    let answer: [number, unknown] | undefined;
    if (path === "/api/session/refresh") {
      answer = [
        200,
        {
          access_token: "token",
          user: { user_id: 7, email: "n@clinic.test", first_name: "N", last_name: "R", role },
        },
      ];
    }
    for (const handler of handlers) answer ??= handler(request);
    const [status, body] = answer ?? [404, { error: "Not found", code: "not_found" }];
    return new Response(JSON.stringify(body), {
      status,
      headers: { "Content-Type": "application/json" },
    });
  };
  return { fetch, requests };
}

export function route(method: string, path: string, answer: () => [number, unknown]): Handler {
  return (request) =>
    request.method === method && new URL(request.url).pathname === path ? answer() : undefined;
}

/** A fetch that answers every request with `status` and `body`, and remembers the requests. */
export function answering(status: number, body: unknown) {
  const requests: Request[] = [];
  const fetch = async (input: Request) => {
    requests.push(input);
    return new Response(JSON.stringify(body), {
      status,
      headers: { "Content-Type": "application/json" },
    });
  };
  return { fetch, requests };
}
