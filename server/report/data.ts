// The data of a footprint report: every run with its estimate, range and assumptions, the findings that belong to
// it with their savings, a what-if table (hardware × region, each cell a core estimate of the same run), the saving
// per rule and the CO2e of all runs by region. Shared by `greenml report` (Markdown, HTML) and the editor's view.
import {
  estimate as coreEstimate,
  resolveAccelerator,
  resolveRegion,
  type Range,
  type RunInputs,
} from '../../core/index';
import { frameworkName, type AnalyzedRun, type Finding } from '../../engine/types';

/** What a report needs of one reviewed file (the CLI's FileResult and the server's analysis both have it). */
export interface ReviewedFile {
  path: string;
  text: string;
  findings: Finding[];
  runs: AnalyzedRun[];
}

export interface ReportFinding {
  code: string;
  name: string;
  severity: string;
  message: string;
  path: string;
  line: number;
  fixes: { title: string; applicability: string }[];
  savingKWh?: Range;
  savingKg?: Range;
}

export interface WhatIfTable {
  hardware: { id: string; name: string; current: boolean }[];
  regions: { id: string; name: string; gPerKWh: number; current: boolean }[];
  /** cells[h][r]: mid kWh and kg CO2e of the same run on hardware h in region r; fits = memory per device fits. */
  cells: { kWh: number; kg: number; fits: boolean | undefined }[][];
}

export interface ReportRun {
  path: string;
  line: number;
  label: string;
  framework: string;
  /** Undefined when the footprint is unknown (then `unknown` says why). */
  estimate?: {
    energyKWh: Range;
    co2eKg: Range;
    gpuHours: Range;
    wallHours: Range;
    devices: number;
    accelerator: string;
    grid: string;
    pue: number;
  };
  unknown?: string;
  assumptions: string[];
  findings: ReportFinding[];
  whatIf?: WhatIfTable;
}

export interface ReportData {
  files: number;
  filesWithFindings: number;
  runs: ReportRun[];
  /** Findings whose file belongs to no run that was reviewed. */
  otherFindings: ReportFinding[];
  totals: { kWh: number; kg: number; savingKWh: number; savingKg: number; findings: number };
  savingsByRule: { code: string; name: string; count: number; kWh: number; kg: number }[];
  co2ByRegion: { id: string; name: string; gPerKWh: number; kg: number; current: boolean }[];
}

/** Alternatives a what-if compares the run's own choice with (a spread of generations and of grids). */
export const DEFAULT_COMPARE_HARDWARE = ['a100-sxm4-80gb', 'h100-sxm', 'l40s', 'l4'];
export const DEFAULT_COMPARE_REGIONS = ['aws:us-east-1', 'gcp:europe-west4', 'aws:eu-north-1', 'FR', 'IN'];

/** 1-based line of an offset. */
function lineOf(text: string, offset: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function reportFinding(f: Finding, texts: Map<string, string>, shown: string): ReportFinding {
  return {
    code: f.code,
    name: f.name,
    severity: f.severity,
    message: f.message,
    path: shown,
    line: lineOf(texts.get(f.file) ?? '', f.span.start),
    fixes: f.fixes.map((x) => ({ title: x.title, applicability: x.applicability })),
    savingKWh: f.savings?.kWh,
    savingKg: f.savings?.kgCO2e,
  };
}

/** Shares of one run's energy combine as 1 − Π(1 − share): two fixes that each save half leave a quarter. */
export function combineShares(base: number, parts: number[]): number {
  if (!(base > 0)) return parts.reduce((a, b) => a + b, 0);
  return base * (1 - parts.reduce((p, s) => p * (1 - Math.min(1, Math.max(0, s) / base)), 1));
}

function whatIf(run: AnalyzedRun, hardware: string[], regions: string[]): WhatIfTable | undefined {
  const e = run.estimate;
  if (e.method === 'insufficient-inputs') return undefined;
  const hw: WhatIfTable['hardware'] = [];
  const seenHw = new Set<string>();
  const addHw = (id: string, current: boolean) => {
    const r = resolveAccelerator(id);
    if (!r.ok || seenHw.has(r.value.id)) return;
    seenHw.add(r.value.id);
    hw.push({ id: r.value.id, name: r.value.name, current });
  };
  if (e.accelerator) addHw(e.accelerator.id, true);
  for (const h of hardware) addHw(h, false);
  const rg: WhatIfTable['regions'] = [];
  const seenRg = new Set<string>();
  const addRg = (id: string, current: boolean) => {
    const r = resolveRegion(id);
    if (!r.ok || seenRg.has(r.value.id)) return;
    seenRg.add(r.value.id);
    rg.push({ id: r.value.id, name: r.value.name, gPerKWh: r.value.gPerKWh, current });
  };
  if (run.inputs.region && run.inputs.intensity === undefined) addRg(run.inputs.region, true);
  for (const r of regions) addRg(r, false);
  // Same run, same devices: only the accelerator and the grid change (an explicit intensity would pin the grid).
  const cells = hw.map((h) =>
    rg.map((r) => {
      const inputs: RunInputs = { ...run.inputs, hardware: h.id, region: r.id, intensity: undefined };
      const x = coreEstimate(inputs);
      const need = x.memoryGBPerDevice?.totalGB.mid;
      const have = x.accelerator?.memoryGB;
      return {
        kWh: x.energyKWh.mid,
        kg: x.co2eKg.mid,
        fits: need !== undefined && have !== undefined ? need <= have : undefined,
      };
    }),
  );
  return { hardware: hw, regions: rg, cells };
}

export function buildReport(
  files: ReviewedFile[],
  opts: { compareHardware?: string[]; compareRegions?: string[]; displayPath?: (file: string) => string } = {},
): ReportData {
  const show = opts.displayPath ?? ((f: string) => f);
  const texts = new Map<string, string>();
  for (const f of files) texts.set(f.path, f.text);
  const shownOf = new Map<string, string>();
  for (const f of files) shownOf.set(f.path, f.path);
  const analyzed = files.flatMap((f) => f.runs.map((run) => ({ file: f, run })));
  const byRun = new Map<AnalyzedRun, Finding[]>();
  const other: ReportFinding[] = [];
  for (const file of files)
    for (const f of file.findings) {
      const owner = analyzed.find((x) => x.run.plan.files.includes(f.file) || x.run.plan.entry.file === f.file);
      if (owner) byRun.set(owner.run, [...(byRun.get(owner.run) ?? []), f]);
      else other.push(reportFinding(f, texts, show(file.path)));
    }
  const hardware = opts.compareHardware ?? DEFAULT_COMPARE_HARDWARE;
  const regions = opts.compareRegions ?? DEFAULT_COMPARE_REGIONS;
  let savingKWh = 0;
  let savingKg = 0;
  const runs: ReportRun[] = analyzed.map(({ file, run }) => {
    const e = run.estimate;
    const findings = (byRun.get(run) ?? []).map((f) =>
      reportFinding(f, texts, f.file === file.path ? show(file.path) : show(f.file)),
    );
    const known = e.method !== 'insufficient-inputs';
    if (known) {
      savingKWh += combineShares(
        e.energyKWh.mid,
        findings.map((f) => f.savingKWh?.mid ?? 0),
      );
      savingKg += combineShares(
        e.co2eKg.mid,
        findings.map((f) => f.savingKg?.mid ?? 0),
      );
    }
    return {
      path: show(file.path),
      line: lineOf(file.text, run.plan.entry.span.start),
      label: run.plan.entry.label,
      framework: frameworkName(run.plan),
      estimate: known
        ? {
            energyKWh: e.energyKWh,
            co2eKg: e.co2eKg,
            gpuHours: e.gpuHours,
            wallHours: e.wallHours,
            devices: e.devices,
            accelerator: e.accelerator?.name ?? 'unknown accelerator',
            grid: e.grid ? `${e.grid.label}, ${Math.round(e.grid.gPerKWh)} g CO2e/kWh` : 'world average',
            pue: e.pue,
          }
        : undefined,
      unknown: known ? undefined : e.warnings.join('; ') || 'model or run length not found',
      assumptions: e.assumptions.map((a) => a.text),
      findings,
      whatIf: whatIf(run, hardware, regions),
    };
  });
  const allFindings = [...runs.flatMap((r) => r.findings), ...other];
  const rules = new Map<string, ReportData['savingsByRule'][number]>();
  for (const f of allFindings) {
    const r = rules.get(f.code) ?? { code: f.code, name: f.name, count: 0, kWh: 0, kg: 0 };
    r.count++;
    r.kWh += f.savingKWh?.mid ?? 0;
    r.kg += f.savingKg?.mid ?? 0;
    rules.set(f.code, r);
  }
  // CO2e of all known runs if they ran in each region of the first what-if table (same hardware as now).
  const known = runs.filter((r) => r.whatIf);
  const co2ByRegion: ReportData['co2ByRegion'] = [];
  const regionIds = [...new Set(known.flatMap((r) => r.whatIf?.regions.map((g) => g.id) ?? []))];
  for (const id of regionIds) {
    let kg = 0;
    let complete = true;
    for (const r of known) {
      const w = r.whatIf as WhatIfTable;
      const i = w.regions.findIndex((g) => g.id === id);
      if (i < 0) complete = false;
      else kg += w.cells[0][i].kg;
    }
    const g = resolveRegion(id);
    if (complete && g.ok)
      co2ByRegion.push({
        id,
        name: g.value.name,
        gPerKWh: g.value.gPerKWh,
        kg,
        current: known.every((r) => r.whatIf?.regions.find((x) => x.id === id)?.current),
      });
  }
  return {
    files: files.length,
    filesWithFindings: files.filter((f) => f.findings.length > 0).length,
    runs,
    otherFindings: other,
    totals: {
      kWh: runs.reduce((s, r) => s + (r.estimate?.energyKWh.mid ?? 0), 0),
      kg: runs.reduce((s, r) => s + (r.estimate?.co2eKg.mid ?? 0), 0),
      savingKWh,
      savingKg,
      findings: allFindings.length,
    },
    savingsByRule: [...rules.values()].sort((a, b) => b.kWh - a.kWh || a.code.localeCompare(b.code)),
    co2ByRegion: co2ByRegion.sort((a, b) => a.kg - b.kg),
  };
}
