// The custom requests between the client and the server: method names, parameters and results, defined once.
// The client imports this file and nothing else from server/ (a layering test keeps it so); it imports nothing itself.

/** `greenml/summary`: the footprint of every run the document defines or links to, for the status bar item. */
export const SUMMARY_REQUEST = 'greenml/summary';

export interface SummaryParams {
  uri: string;
}

export interface SummaryResult {
  runs: { label: string; title: string; kWh: number; kgCO2e: number }[];
  findings: number;
}

/**
 * `greenml/footprint`: every run of the workspace (its folders walked as `greenml check` walks them; open buffers
 * win over the disk) with its estimate, findings, savings, what-if table and charts, rendered by the server as the
 * body of the footprint view, plus the same report as Markdown (for "Export report").
 */
export const FOOTPRINT_REQUEST = 'greenml/footprint';

export interface FootprintParams {
  /** Chart colours: "dark" or "light" (the view follows the editor's theme). */
  theme?: 'dark' | 'light';
}

export interface FootprintResult {
  /** HTML of the view's body: no script, no inline style attribute. */
  body: string;
  /** Its style sheet, themed through the editor's --vscode-* CSS variables. */
  style: string;
  markdown: string;
  /** A self-contained HTML file of the same report (for "Export report"). */
  html: string;
  runs: number;
  findings: number;
  files: number;
  kWh: number;
  savingKWh: number;
}

/** `greenml/tables`: the accelerators and regions the core knows, for the "Set hardware…" / "Set region…" pickers. */
export const TABLES_REQUEST = 'greenml/tables';

export interface TablesResult {
  hardware: { id: string; label: string; detail: string }[];
  regions: { id: string; label: string; detail: string }[];
  /** The rules, with their documentation as Markdown (for "Explain rule…"). */
  rules: { code: string; name: string; summary: string; markdown: string }[];
  /** Where each of hardware/devices/region comes from for the active file ("greenml.toml" wins over settings). */
  sources?: Partial<Record<'hardware' | 'devices' | 'region', string>>;
}

export interface TablesParams {
  uri?: string;
}

/** The client command behind the "Apply N safe fixes" CodeLens (argument: the document URI). */
export const APPLY_SAFE_FIXES_COMMAND = 'greenml.applySafeFixes';
