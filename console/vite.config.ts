import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The HR console, built into console/dist and served by the mock backend at /console (same origin as the
 * API, so no proxy and no CORS). `npm run build:console`; `npm start` rebuilds it on change.
 */
export default defineConfig({
  root: __dirname,
  base: '/console/',
  plugins: [react()],
  build: {
    outDir: path.join(__dirname, 'dist'),
    emptyOutDir: true,
    // antd is most of the bundle: a back-office page on loopback, loaded once.
    chunkSizeWarningLimit: 1600,
  },
});
