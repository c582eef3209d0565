import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

// The app is served by `clinichub serve` at `/`; in development, Vite proxies the API to it.
export default defineConfig({
  plugins: [react()],
  build: { outDir: "dist", assetsDir: "assets", sourcemap: false },
  server: { proxy: { "/api": "http://127.0.0.1:8000" } },
  test: { environment: "jsdom", include: ["src/**/*.test.ts", "src/**/*.test.tsx"] },
});
