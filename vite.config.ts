import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const repositoryRoot = fileURLToPath(new URL(".", import.meta.url));

/**
 * The web app lives in `web/`, but its pages sit beside their domain in `src/features/<domain>/ui`
 * and share the server's Zod schemas, so the dev server may read the whole repository.
 */
export default defineConfig({
  root: "web",
  plugins: [react()],
  build: {
    outDir: "../dist/web",
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Libraries change far less often than Cascade's own code: a separate file stays cached across releases.
        codeSplitting: { groups: [{ name: "vendor", test: /node_modules/ }] },
      },
    },
  },
  server: {
    fs: { allow: [repositoryRoot] },
    proxy: { "/api": "http://localhost:3000" },
  },
});
