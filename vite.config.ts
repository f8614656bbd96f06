import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const proxyTarget = process.env.PROXY_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      // Host is passed on unchanged (no changeOrigin), so the proxy's same-origin
      // check compares the page's Origin with the Vite address, as it should.
      '/api': { target: proxyTarget },
      '/auth': { target: proxyTarget },
    },
  },
  build: { outDir: 'dist', emptyOutDir: true, manifest: true },
});
