// The layers of ARCHITECTURE.md, checked by `npm run lint:layers` (part of `npm test`):
//   core/ ← engine/ ← rules/ ← server/ ← client/
// Each rule's name and comment say which layer a file may not use; dependency-cruiser prints both with the offending
// import. Tests, scripts and benchmarks sit outside the layers and may import any of them.
const LAYER = (name, forbidden, comment) => ({
  name,
  comment,
  severity: 'error',
  from: { path: `^${name.split('-')[0]}/` },
  to: { path: forbidden },
});

module.exports = {
  forbidden: [
    LAYER(
      'core-imports-nothing-of-ours',
      '^(engine|rules|server|client|test|scripts|bench)/',
      'core/ is pure: it may import only core/ and Node built-ins.',
    ),
    LAYER(
      'engine-below-rules',
      '^(rules|server|client)/',
      'engine/ may import only core/ (and itself): not rules/, server/ or client/.',
    ),
    LAYER(
      'rules-below-server',
      '^(server|client)/',
      'rules/ may import only engine/ and core/: not server/ or client/.',
    ),
    LAYER('server-below-client', '^client/', 'server/ may not import client/.'),
    {
      name: 'client-talks-over-the-protocol',
      comment:
        'client/ may import from the rest of the project only the shared contract server/lsp/custom-protocol.ts.',
      severity: 'error',
      from: { path: '^client/' },
      to: { path: '^(core|engine|rules|server)/', pathNot: '^server/lsp/custom-protocol\\.ts$' },
    },
    {
      name: 'protocol-only-in-server-lsp',
      comment: 'Only server/lsp/ (and the client) may import the language-server protocol packages.',
      severity: 'error',
      from: { path: '^(core|engine|rules|server/(?!lsp/))' },
      to: { path: 'node_modules/vscode-(languageserver|languageclient|jsonrpc)' },
    },
    {
      name: 'vscode-only-in-client',
      comment: 'Only client/ may import the vscode API.',
      severity: 'error',
      from: { pathNot: '^(client|test/e2e)/' },
      to: { path: '^vscode$', dependencyTypes: ['core', 'npm', 'npm-dev', 'unknown', 'undetermined'] },
    },
    {
      name: 'core-uses-no-packages',
      comment: 'core/ is pure: numbers in, numbers out; it may not import npm packages.',
      severity: 'error',
      from: { path: '^core/' },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-bundled'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|test/fixtures|test/e2e/workspace)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
