import "@mantine/core/styles.css";
import { MantineProvider } from "@mantine/core";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RequestFailed } from "./api/errors";
import { App } from "./App";
import { SessionProvider } from "./auth/session";
import { cssVariablesResolver, theme } from "./theme";

// The server puts a fresh nonce into index.html for each response and allows only styles that
// carry it (no inline script, no unsafe-inline): Mantine adds it to the <style> tags it injects.
const nonce = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content ?? "";

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      // A refusal or a missing record does not get better by asking again.
      retry: (count, error) =>
        count < 2 && !(error instanceof RequestFailed && error.status < 500 && error.status > 0),
    },
  },
});

createRoot(document.getElementById("root") as HTMLElement).render(
  <StrictMode>
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      getStyleNonce={() => nonce}
    >
      <QueryClientProvider client={queryClient}>
        <SessionProvider>
          <App />
        </SessionProvider>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
