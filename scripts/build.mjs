// Bundles the client, the server and the CLI into dist/ with esbuild, and copies the tree-sitter WASM files beside
// them. `vscode` stays external (the editor provides it); everything else is bundled so the .vsix needs no node_modules.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const require = createRequire(import.meta.url);
const watch = process.argv.includes('--watch');
fs.mkdirSync('dist', { recursive: true });
for (const [from, to] of [
  ['web-tree-sitter/tree-sitter.wasm', 'dist/tree-sitter.wasm'],
  ['tree-sitter-python/tree-sitter-python.wasm', 'dist/tree-sitter-python.wasm'],
])
  fs.copyFileSync(require.resolve(from), to);

// vega-canvas's Node build awaits `import('canvas')` at top level, which a CommonJS bundle cannot hold; the charts
// render to SVG with no canvas (View.toSVG), so its browser build — which finds no canvas outside a browser — is used.
const vegaCanvasBrowser = {
  name: 'vega-canvas-browser',
  setup(build) {
    build.onResolve({ filter: /^vega-canvas$/ }, () => ({
      path: path.resolve(path.dirname(require.resolve('vega-canvas')), 'vega-canvas.browser.js'),
    }));
  },
};

const options = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  external: ['vscode'],
  // web-tree-sitter's ESM build reads import.meta.url; in a CommonJS bundle that is this file's URL.
  define: { 'import.meta.url': '__greenmlImportMetaUrl' },
  banner: { js: "const __greenmlImportMetaUrl = require('url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
  entryPoints: {
    extension: 'client/extension.ts',
    server: 'server/server-main.ts',
    cli: 'server/cli-main.ts',
    // ts-morph (the TypeScript compiler, ~14 MB): its own bundle, loaded only for JS/TS files that import TF.js.
    'js-parser': 'engine/parse/javascript.ts',
    // Vega + Vega-Lite (~2 MB): their own bundle, loaded only to draw charts (HTML report, footprint view).
    charts: 'server/report/charts.ts',
  },
  outdir: 'dist',
  plugins: [vegaCanvasBrowser],
};
if (watch) await (await esbuild.context(options)).watch();
else await esbuild.build(options);
