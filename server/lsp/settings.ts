// Settings per document: the client's `greenml` section for the document's scope, overlaid by the nearest
// greenml.toml / [tool.greenml] (which wins). Cached per directory; cleared on configuration or file changes.
import * as path from 'node:path';
import type { Connection } from 'vscode-languageserver';
import { mergeSettings, type RuleSeverity, type Settings } from '../../engine/settings';
import { findWorkspaceFile, type WorkspaceFile } from '../config/workspace-file';

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
  severity?: Record<string, RuleSeverity>;
  extraRoots?: string[];
}

export class SettingsCache {
  private readonly byDir = new Map<string, Promise<{ settings: Settings; file?: WorkspaceFile }>>();
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
    const settings = mergeSettings(
      { values: editor, source: 'VS Code settings' },
      { values: file?.values ?? {}, source: file ? path.basename(file.path) : '' },
    );
    return { settings, file };
  }
}

/** Drop empty strings and non-positive numbers that VS Code reports for unset settings. */
function clean(c: ClientSettings, base: string): Partial<Settings> {
  const pos = (n: unknown) => (typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : undefined);
  const str = (s: unknown) => (typeof s === 'string' && s.trim() ? s.trim() : undefined);
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
    severity:
      c.severity && typeof c.severity === 'object'
        ? Object.fromEntries(Object.entries(c.severity).map(([k, v]) => [k.toUpperCase(), v]))
        : undefined,
  };
}
