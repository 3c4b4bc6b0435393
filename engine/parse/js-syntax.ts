// JavaScript/TypeScript as plain data: imports, calls (with their arguments as values and the functions around
// them), top-level-or-nested `const x = …` bindings, classes. The parser itself (./javascript, ts-morph) is ~14 MB
// bundled, so it is its own bundle (dist/js-parser.js) and is loaded only when a JS/TS file looks like a training
// script. Nothing here throws on user text.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FactValue, Span } from '../types';

export interface JsValue {
  kind:
    | 'number'
    | 'string'
    | 'boolean'
    | 'null'
    | 'identifier'
    | 'member'
    | 'object'
    | 'array'
    | 'call'
    | 'new'
    | 'function'
    | 'other';
  /** Source text, shortened. */
  text: string;
  span: Span;
  /** Literal value (numbers, strings and substitution-free templates, booleans, null). */
  value?: FactValue;
  props?: JsProp[];
  items?: JsValue[];
  /** Calls and `new`: the callee as written (`tf.callbacks.earlyStopping`). */
  callee?: string;
  args?: JsValue[];
}

export interface JsProp {
  name: string;
  /** The whole property (`epochs: 10`), or the method. */
  span: Span;
  value: JsValue;
}

export interface JsCall {
  callee: string;
  isNew: boolean;
  span: Span;
  args: JsValue[];
  /** Names of the functions, methods and properties around the call, innermost first (`onEpochEnd`, …). */
  scope: string[];
}

export interface JsImport {
  module: string;
  span: Span;
}

export interface JsScript {
  imports: JsImport[];
  calls: JsCall[];
  /** `const|let|var name = value` (the first one of each name). */
  bindings: Map<string, JsValue>;
  classes: { name: string; span: Span; base?: string }[];
}

export interface JsParserModule {
  parseScript(file: string, text: string): JsScript;
}

let loaded: JsParserModule | null | undefined;
let loadError: string | undefined;

/** The parser module: the bundle beside dist/*.js, or the source module when running from sources (tests). */
function parserModule(): JsParserModule | undefined {
  if (loaded === undefined) {
    loaded = null;
    // Computed paths: esbuild must not pull ts-morph into the main bundles.
    const candidates = [path.join(__dirname, 'js-parser.js'), path.join(__dirname, 'javascript')];
    for (const c of candidates) {
      if (c.endsWith('.js') && !fs.existsSync(c)) continue;
      try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- a computed path, loaded lazily (see above)
        loaded = require(c) as JsParserModule;
        break;
      } catch (e) {
        loadError = (e as Error).message.split('\n')[0];
      }
    }
  }
  return loaded ?? undefined;
}

/** The script as plain data, or the reason it could not be read. */
export function parseJs(file: string, text: string): JsScript | { error: string } {
  const m = parserModule();
  if (!m) return { error: `the JavaScript/TypeScript parser could not be loaded${loadError ? `: ${loadError}` : ''}` };
  try {
    return m.parseScript(file, text);
  } catch (e) {
    return { error: `${path.basename(file)} could not be parsed: ${(e as Error).message.split('\n')[0]}` };
  }
}

/** Spans nest. */
export const within = (inner: Span, outer: Span) => inner.start >= outer.start && inner.end <= outer.end;
