// Settings per document: the client's `greenml` section for the document's scope, overlaid by the nearest
// greenml.toml / [tool.greenml] (which wins). Cached per directory; cleared on configuration or file changes.
import * as path from 'node:path';
import * as fs from 'node:fs';
import { DiagnosticSeverity, type Connection, type Diagnostic } from 'vscode-languageserver';
import { pathToFileURL } from 'node:url';
import { mergeSettings, type RuleSeverity, type Settings } from '../../engine/settings';
import { RULES } from '../../rules/index';
import { settingsSelectors, unknownSelectors } from '../../rules/select';
import { findWorkspaceFile, unknownCodeProblems, type WorkspaceFile } from '../config/workspace-file';

/** The shape of the `greenml` configuration section (package.json `contributes.configuration`). */
export interface ClientSettings {
  hardware?: string;
  devices?: number;
  region?: string;
  pue?: number;
  carbonIntensity?: number;
  datasetSize?: number;
  model?: string;
  checkpointThresholdHours?: number;
  minSavingKWh?: number;
  select?: string[];
  ignore?: string[];
  perFileIgnores?: Record<string, string[]>;
  severity?: Record<string, RuleSeverity>;
  extraRoots?: string[];
}

/** Line/column of each occurrence of `needle` in `text` (for diagnostics on greenml.toml). */
function rangesOf(text: string, needle: string): Diagnostic['range'][] {
  const out: Diagnostic['range'][] = [];
  const lines = text.split('\n');
  const re = new RegExp(`(["'])${needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\1`, 'g');
  lines.forEach((l, i) => {
    for (const m of l.matchAll(re))
      out.push({
        start: { line: i, character: m.index + 1 },
        end: { line: i, character: m.index + 1 + needle.length },
      });
    // Bare keys (`[severity] GML1O1 = "off"`).
    const bare = new RegExp(`^\\s*${needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*=`).exec(l);
    if (bare) {
      const c = l.indexOf(needle);
      out.push({ start: { line: i, character: c }, end: { line: i, character: c + needle.length } });
    }
  });
  return out;
}

export class SettingsCache {
  private readonly byDir = new Map<string, Promise<{ settings: Settings; file?: WorkspaceFile }>>();
  /** Workspace files whose problems were published as diagnostics (cleared when they are fixed). */
  private readonly published = new Set<string>();
  /** Error messages about the editor settings already shown (once each). */
  private readonly shown = new Set<string>();
  supportsConfiguration = false;

  constructor(
    private readonly connection: Connection,
    private readonly roots: () => string[],
  ) {}

  clear(): void {
    this.byDir.clear();
  }

  get(uri: string, filePath: string): Promise<{ settings: Settings; file?: WorkspaceFile }> {
    const dir = path.dirname(filePath);
    let p = this.byDir.get(dir);
    if (!p) {
      p = this.load(uri, dir);
      this.byDir.set(dir, p);
    }
    return p;
  }

  private async load(uri: string, dir: string): Promise<{ settings: Settings; file?: WorkspaceFile }> {
    let client: ClientSettings = {};
    if (this.supportsConfiguration) {
      try {
        client = ((await this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'greenml' })) ??
          {}) as ClientSettings;
      } catch {
        client = {};
      }
    }
    const root = this.roots().find((r) => dir === r || dir.startsWith(r + path.sep));
    const file = findWorkspaceFile(dir, root);
    const editor = clean(client, root ?? dir);
    // Unknown rule codes in the editor settings: an error message naming them; they select nothing.
    const unknownInEditor = unknownSelectors(settingsSelectors(editor), RULES);
    if (file) this.publishFileProblems(file);
    const message = unknownCodeProblems('VS Code settings (greenml)', unknownInEditor).join('; ');
    if (message && !this.shown.has(message)) {
      this.shown.add(message);
      Promise.resolve(this.connection.window.showErrorMessage(`Green ML Review: ${message}`)).catch(() => undefined);
    }
    const settings = mergeSettings(
      { values: editor, source: 'VS Code settings' },
      { values: file?.values ?? {}, source: file ? path.basename(file.path) : '' },
    );
    return { settings, file };
  }

  /** The workspace file's problems as diagnostics on the file itself: unknown rule codes are errors there. */
  private publishFileProblems(file: WorkspaceFile): void {
    const uri = pathToFileURL(file.path).toString();
    const own = file.problems.filter((p) => p.startsWith(file.path));
    if (own.length === 0 && !this.published.has(uri)) return;
    let text: string;
    try {
      text = fs.readFileSync(file.path, 'utf8');
    } catch {
      text = '';
    }
    const diagnostics: Diagnostic[] = [];
    for (const p of own) {
      const code = /unknown rule "([^"]+)"/.exec(p)?.[1];
      const ranges = code ? rangesOf(text, code) : [];
      const message = p.slice(file.path.length + 2);
      for (const range of ranges.length
        ? ranges
        : [{ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }])
        diagnostics.push({
          range,
          severity: code ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
          source: 'greenml',
          message,
        });
    }
    if (diagnostics.length) this.published.add(uri);
    else this.published.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics }).catch(() => undefined);
  }
}

/** Drop empty strings and non-positive numbers that VS Code reports for unset settings. */
function clean(c: ClientSettings, base: string): Partial<Settings> {
  const pos = (n: unknown) => (typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : undefined);
  const str = (s: unknown) => (typeof s === 'string' && s.trim() ? s.trim() : undefined);
  const list = (l: unknown) =>
    Array.isArray(l) && l.length && l.every((x) => typeof x === 'string') ? (l as string[]) : undefined;
  return {
    hardware: str(c.hardware),
    devices: pos(c.devices),
    region: str(c.region),
    pue: pos(c.pue),
    carbonIntensity: pos(c.carbonIntensity),
    datasetSize: pos(c.datasetSize),
    model: str(c.model),
    checkpointThresholdHours: pos(c.checkpointThresholdHours),
    // Relative folders are taken from the workspace folder.
    extraRoots: Array.isArray(c.extraRoots)
      ? c.extraRoots.filter((r) => typeof r === 'string' && r.trim()).map((r) => path.resolve(base, r))
      : undefined,
    minSavingKWh:
      typeof c.minSavingKWh === 'number' && Number.isFinite(c.minSavingKWh) && c.minSavingKWh >= 0
        ? c.minSavingKWh
        : undefined,
    select: list(c.select),
    ignore: list(c.ignore),
    perFileIgnores:
      c.perFileIgnores && typeof c.perFileIgnores === 'object' && Object.keys(c.perFileIgnores).length
        ? Object.fromEntries(
            Object.entries(c.perFileIgnores)
              .map(([g, v]) => [g, list(v)] as const)
              .filter((e): e is readonly [string, string[]] => !!e[1]),
          )
        : undefined,
    severity:
      c.severity && typeof c.severity === 'object'
        ? Object.fromEntries(Object.entries(c.severity).map(([k, v]) => [k.toUpperCase(), v]))
        : undefined,
  };
}
