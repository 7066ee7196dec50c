import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { precompress } from './precompress.mts';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  plugins: [react(), precompress()],
  resolve: {
    alias: { '@habeas/contracts': here('../../libs/contracts/src/index.ts') },
  },
  build: {
    outDir: here('../../dist/apps/admin'),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      // Three entries: the admin app, and the public donation page and donors' private page, each with its own small bundle.
      input: { admin: here('index.html'), donate: here('donate.html'), donor: here('donor.html') },
    },
  },
  server: {
    port: 5173,
    // The API that `npm run dev` starts listens on PORT (default 3000).
    proxy: { '/api': `http://localhost:${process.env.PORT?.trim() || '3000'}` },
  },
});
