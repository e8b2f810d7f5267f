import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

/** Builds the web UI from src/web into dist/web, which `dossier serve` serves. */
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "./",
  build: {
    outDir: fileURLToPath(new URL("../../dist/web", import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1024,
  },
  logLevel: "warn",
});
