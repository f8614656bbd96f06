import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const proxyTarget = process.env.PROXY_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      // The proxy only takes writes from its own origin; in development the page is
      // served by Vite, so the Origin is rewritten to the proxy's own.
      '/api': { target: proxyTarget, headers: { origin: proxyTarget } },
      '/auth': { target: proxyTarget, headers: { origin: proxyTarget } },
    },
  },
  build: { outDir: 'dist', emptyOutDir: true, manifest: true },
});
