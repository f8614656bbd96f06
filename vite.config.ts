import react from '@vitejs/plugin-react';
import { defineConfig, type ProxyOptions } from 'vite';

const proxyTarget = process.env.PROXY_URL ?? 'http://127.0.0.1:3000';

/**
 * The proxy answers only for its own address (Host allow-list) and takes writes
 * only from its own origin, so the dev server speaks for the page: Host becomes
 * the proxy's (changeOrigin), and an Origin equal to the dev server's own (the
 * page's) becomes the proxy's. Any other Origin passes unchanged and is refused.
 */
const toProxy: ProxyOptions = {
  target: proxyTarget,
  changeOrigin: true,
  configure: (proxy) => {
    proxy.on('proxyReq', (proxyReq, req) => {
      if (req.headers.origin === `http://${req.headers.host}`) {
        proxyReq.setHeader('origin', new URL(proxyTarget).origin);
      }
    });
  },
};

export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/api': toProxy, '/auth': toProxy, '/bo': toProxy } },
  build: { outDir: 'dist', emptyOutDir: true, manifest: true },
});
