// Vite build for the Caseboard UI. JSX goes through esbuild with Preact's automatic runtime,
// so no framework plugin is needed. `npm run dev` proxies the API to a local `caseboard serve`.
import { defineConfig } from 'vite';

const apiServer = 'http://127.0.0.1:8080';

export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  // Relative asset URLs keep the build working wherever the server mounts --web-root.
  base: './',
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2020' },
  server: {
    proxy: {
      '/api': { target: apiServer, changeOrigin: false },
      '/healthz': { target: apiServer, changeOrigin: false },
    },
  },
});
