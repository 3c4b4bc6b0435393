// The JavaScript/TypeScript parser behind ./js-syntax: ts-morph (the TypeScript compiler's own parser, tolerant of
// broken code) turned into plain data. Bundled on its own as dist/js-parser.js; never imported by the main bundles.
import { Node, Project, ScriptKind, SyntaxKind } from 'ts-morph';
import type { Span } from '../types';
import type { JsCall, JsImport, JsProp, JsScript, JsValue } from './js-syntax';

const MAX_CALLS = 5000;
const MAX_ITEMS = 200;
const MAX_DEPTH = 8;

let project: Project | undefined;

const short = (s: string) => {
  const t = s.replace(/\s+/g, ' ');
  return t.length > 80 ? `${t.slice(0, 77)}…` : t;
};
const spanOf = (n: Node): Span => ({ start: n.getStart(), end: n.getEnd() });

function unwrap(n: Node): Node {
  let cur = n;
  for (let i = 0; i < 20; i++) {
    if (
      Node.isParenthesizedExpression(cur) ||
      Node.isAwaitExpression(cur) ||
      Node.isAsExpression(cur) ||
      Node.isNonNullExpression(cur) ||
      Node.isSatisfiesExpression(cur) ||
      Node.isTypeAssertion(cur)
    )
      cur = cur.getExpression();
    else break;
  }
  return cur;
}

/** A callee as written, without spaces or optional-chaining marks (`model .fit` → `model.fit`). */
const calleeText = (n: Node) => n.getText().replace(/\s+/g, '').replace(/\?\./g, '.');

function propName(p: Node): string | undefined {
  const name = (p as unknown as { getNameNode?: () => Node }).getNameNode?.();
  if (!name) return undefined;
  if (Node.isIdentifier(name) || Node.isPrivateIdentifier(name)) return name.getText();
  if (Node.isStringLiteral(name) || Node.isNoSubstitutionTemplateLiteral(name)) return name.getLiteralValue();
  if (Node.isNumericLiteral(name)) return name.getText();
  return undefined;
}

function value(raw: Node, depth = 0): JsValue {
  const n = unwrap(raw);
  const base = { text: short(n.getText()), span: spanOf(n) };
  if (Node.isNumericLiteral(n)) return { ...base, kind: 'number', value: Number(n.getText().replace(/_/g, '')) };
  if (
    Node.isPrefixUnaryExpression(n) &&
    n.getOperatorToken() === SyntaxKind.MinusToken &&
    Node.isNumericLiteral(unwrap(n.getOperand()))
  ) {
    return { ...base, kind: 'number', value: -Number(unwrap(n.getOperand()).getText().replace(/_/g, '')) };
  }
  if (Node.isStringLiteral(n) || Node.isNoSubstitutionTemplateLiteral(n))
    return { ...base, kind: 'string', value: n.getLiteralValue() };
  if (n.getKind() === SyntaxKind.TrueKeyword || n.getKind() === SyntaxKind.FalseKeyword)
    return { ...base, kind: 'boolean', value: n.getKind() === SyntaxKind.TrueKeyword };
  if (n.getKind() === SyntaxKind.NullKeyword) return { ...base, kind: 'null', value: null };
  if (Node.isIdentifier(n)) return { ...base, kind: 'identifier' };
  if (Node.isPropertyAccessExpression(n)) return { ...base, kind: 'member' };
  if (depth >= MAX_DEPTH) return { ...base, kind: 'other' };
  if (Node.isObjectLiteralExpression(n)) {
    const props: JsProp[] = [];
    for (const p of n.getProperties().slice(0, MAX_ITEMS)) {
      if (Node.isPropertyAssignment(p)) {
        const name = propName(p);
        const init = p.getInitializer();
        if (name !== undefined && init) props.push({ name, span: spanOf(p), value: value(init, depth + 1) });
      } else if (Node.isShorthandPropertyAssignment(p)) {
        props.push({
          name: p.getName(),
          span: spanOf(p),
          value: { kind: 'identifier', text: p.getName(), span: spanOf(p.getNameNode()) },
        });
      } else if (Node.isMethodDeclaration(p) || Node.isGetAccessorDeclaration(p)) {
        const name = propName(p);
        if (name !== undefined)
          props.push({ name, span: spanOf(p), value: { kind: 'function', text: short(p.getText()), span: spanOf(p) } });
      } else if (Node.isSpreadAssignment(p)) {
        props.push({ name: '...', span: spanOf(p), value: value(p.getExpression(), depth + 1) });
      }
    }
    return { ...base, kind: 'object', props };
  }
  if (Node.isArrayLiteralExpression(n))
    return {
      ...base,
      kind: 'array',
      items: n
        .getElements()
        .slice(0, MAX_ITEMS)
        .map((e) => value(e, depth + 1)),
    };
  if (Node.isCallExpression(n) || Node.isNewExpression(n)) {
    return {
      ...base,
      kind: Node.isNewExpression(n) ? 'new' : 'call',
      callee: calleeText(n.getExpression()),
      args: (n.getArguments() ?? []).slice(0, 20).map((a) => value(a, depth + 1)),
    };
  }
  if (Node.isArrowFunction(n) || Node.isFunctionExpression(n)) return { ...base, kind: 'function' };
  return { ...base, kind: 'other' };
}

/** Names of the functions, methods, properties and classes around a node, innermost first. */
function scopeOf(n: Node): string[] {
  const out: string[] = [];
  for (let p = n.getParent(); p; p = p.getParent()) {
    if (
      Node.isPropertyAssignment(p) ||
      Node.isMethodDeclaration(p) ||
      Node.isFunctionDeclaration(p) ||
      Node.isVariableDeclaration(p) ||
      Node.isClassDeclaration(p) ||
      Node.isPropertyDeclaration(p)
    ) {
      const name = Node.isVariableDeclaration(p)
        ? Node.isIdentifier(p.getNameNode())
          ? p.getName()
          : undefined
        : (propName(p) ?? (p as { getName?: () => string | undefined }).getName?.());
      if (name) out.push(name);
    }
  }
  return out;
}

function kindFor(file: string): ScriptKind {
  if (/\.[mc]?ts$/i.test(file)) return ScriptKind.TS;
  if (/\.tsx$/i.test(file)) return ScriptKind.TSX;
  if (/\.jsx$/i.test(file)) return ScriptKind.JSX;
  return ScriptKind.JS;
}

export function parseScript(file: string, text: string): JsScript {
  project ??= new Project({
    useInMemoryFileSystem: true,
    skipAddingFilesFromTsConfig: true,
    compilerOptions: { allowJs: true, noResolve: true },
  });
  const kind = kindFor(file);
  const sf = project.createSourceFile(kind === ScriptKind.JS ? '/input.js' : '/input.ts', text, {
    overwrite: true,
    scriptKind: kind,
  });
  try {
    const imports: JsImport[] = [];
    const calls: JsCall[] = [];
    const bindings = new Map<string, JsValue>();
    const classes: JsScript['classes'] = [];
    sf.forEachDescendant((node) => {
      if (Node.isImportDeclaration(node) || Node.isExportDeclaration(node)) {
        const m = node.getModuleSpecifierValue();
        if (m) imports.push({ module: m, span: spanOf(node) });
      } else if (Node.isImportEqualsDeclaration(node)) {
        const ref = node.getModuleReference();
        if (Node.isExternalModuleReference(ref)) {
          const e = ref.getExpression();
          if (e && Node.isStringLiteral(e)) imports.push({ module: e.getLiteralValue(), span: spanOf(node) });
        }
      } else if ((Node.isCallExpression(node) || Node.isNewExpression(node)) && calls.length < MAX_CALLS) {
        const expr = node.getExpression();
        const callee = expr.getKind() === SyntaxKind.ImportKeyword ? 'import' : calleeText(expr);
        const args = (node.getArguments() ?? []).slice(0, 20).map((a) => value(a));
        if ((callee === 'require' || callee === 'import') && args[0]?.kind === 'string')
          imports.push({ module: String(args[0].value), span: spanOf(node) });
        calls.push({ callee, isNew: Node.isNewExpression(node), span: spanOf(node), args, scope: scopeOf(node) });
      } else if (Node.isVariableDeclaration(node)) {
        const init = node.getInitializer();
        const nameNode = node.getNameNode();
        if (init && Node.isIdentifier(nameNode) && !bindings.has(nameNode.getText()))
          bindings.set(nameNode.getText(), value(init));
      } else if (Node.isClassDeclaration(node) || Node.isClassExpression(node)) {
        const name = node.getName();
        const ext = node.getExtends();
        if (name) classes.push({ name, span: spanOf(node), base: ext ? calleeText(ext.getExpression()) : undefined });
      }
    });
    return { imports, calls, bindings, classes };
  } finally {
    project.removeSourceFile(sf);
  }
}
