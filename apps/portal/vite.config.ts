import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Writes `.br` (quality 11) and `.gz` (level 9) next to every compressible asset once, at build time; the API serves
 * them to browsers that accept the encoding (@fastify/static `preCompressed`, packages/api/src/server.ts), so the
 * first page's JavaScript travels compressed and no request pays for compressing it (issue "Proof…": ≤ 350 KB gzip).
 */
function precompress(): Plugin {
  return {
    name: 'fund:precompress',
    apply: 'build',
    writeBundle(options) {
      const assets = join(options.dir ?? 'dist', 'assets');
      for (const name of readdirSync(assets)) {
        const file = join(assets, name);
        if (!/\.(js|css|svg)$/.test(name) || statSync(file).size < 1024) continue;
        const data = readFileSync(file);
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
        writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
      }
    },
  };
}

// The API serves the built portal at `/` and tRPC at `/trpc` on one origin (architecture.md); in dev and preview
// the same paths are proxied to it so the browser never talks cross-origin.
const api = { '/trpc': { target: 'http://127.0.0.1:3000', changeOrigin: true } };

export default defineConfig({
  base: '/',
  plugins: [react(), precompress()],
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
