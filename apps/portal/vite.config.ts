import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The API serves the built portal at `/` and tRPC at `/trpc` on one origin (architecture.md); in dev and preview
// the same paths are proxied to it so the browser never talks cross-origin.
const api = { '/trpc': { target: 'http://127.0.0.1:3000', changeOrigin: true } };

export default defineConfig({
  base: '/',
  plugins: [react()],
  server: { host: '127.0.0.1', proxy: api },
  preview: { host: '127.0.0.1', proxy: api },
  build: {
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      // @fund/domain is pure (architecture.md: no I/O, no globals touched), so a page that only needs `can()` must
      // not pull in every zod schema, the password list and the holiday calendar through the package's barrel file.
      treeshake: { moduleSideEffects: (id) => !/[\\/]packages[\\/]domain[\\/]/.test(id) },
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
            { name: 'zod', test: /node_modules[\\/](zod|decimal\.js)[\\/]/ },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/ },
          ],
        },
      },
    },
  },
});
