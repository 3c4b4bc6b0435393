// Measurement files next to a training script: CodeCarbon's emissions.csv (or a Zeus JSON log given explicitly),
// parsed here and turned into a Calibration by the core (core/calibrate.ts). File reading lives here because the core
// does no I/O. Used by `greenml estimate`: a run whose script has an emissions.csv beside it is estimated with the
// measured power and labelled "calibrated".
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  calibrateFromCodeCarbon,
  calibrateFromZeus,
  estimate as coreEstimate,
  type Calibration,
  type Estimate,
  type MeasuredWork,
  type RunInputs,
  type ZeusWindow,
} from '../../core/index';
import { readRegularFile } from '../../engine/link/reader';
import type { Settings } from '../../engine/settings';
import { runShape } from '../../engine/plan';
import type { AnalyzedRun } from '../../engine/types';

/** Files looked for in the script's folder, in order. CodeCarbon writes emissions.csv to its output_dir (default "."). */
export const MEASUREMENT_FILES = ['emissions.csv'] as const;

/** Larger files are skipped: a CodeCarbon log is a few hundred bytes per run. */
export const MAX_MEASUREMENT_BYTES = 20 * 1024 * 1024;

/**
 * Parse CSV text (RFC 4180): comma-separated fields; fields in double quotes may hold commas, line breaks and doubled
 * quotes (""); CRLF or LF line ends; a leading byte-order mark is dropped; blank lines are skipped. Never throws.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRow = () => {
    row.push(field);
    field = '';
    if (!(row.length === 1 && row[0] === '')) rows.push(row);
    row = [];
  };
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') endRow();
    else if (c === '\r') {
      if (text[i + 1] === '\n') i++;
      endRow();
    } else field += c;
  }
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

/** CSV text → one record per data row, keyed by the (trimmed) header names. */
export function csvRecords(text: string): Array<Record<string, string>> {
  const rows = parseCsv(text);
  if (rows.length === 0) return [];
  const header = rows[0].map((h) => h.trim());
  return rows.slice(1).map((r) => Object.fromEntries(header.map((h, k) => [h, r[k] ?? ''])));
}

export interface Measurements {
  file: string;
  calibration?: Calibration;
  /** Why the file could not be used, or what is odd about it. */
  problems: string[];
}

/** Read one measurement file: CodeCarbon CSV, or a Zeus JSON log (an array of windows, or { windows: [...] }). */
export function readMeasurements(file: string, work?: MeasuredWork): Measurements {
  let text: string;
  try {
    const size = fs.statSync(file).size;
    if (size > MAX_MEASUREMENT_BYTES)
      return { file, problems: [`${file} is larger than ${MAX_MEASUREMENT_BYTES / 1024 / 1024} MB: not read`] };
    // Checks the type first: a FIFO would block and a device like /dev/zero never ends.
    text = readRegularFile(file, MAX_MEASUREMENT_BYTES);
  } catch (e) {
    return { file, problems: [`cannot read ${file}: ${(e as Error).message}`] };
  }
  if (/\.json$/i.test(file)) {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (e) {
      return { file, problems: [`${file} is not valid JSON: ${(e as Error).message}`] };
    }
    const windows = Array.isArray(data) ? data : (data as { windows?: unknown })?.windows;
    if (!Array.isArray(windows))
      return { file, problems: [`${file}: expected an array of Zeus windows ({ time, gpu_energy })`] };
    const r = calibrateFromZeus(windows as ZeusWindow[], work);
    return r.ok
      ? { file, calibration: r.value, problems: r.value.warnings }
      : { file, problems: [`${file}: ${r.message}`] };
  }
  const records = csvRecords(text);
  if (records.length > 0 && !('gpu_energy' in records[0]) && !('duration' in records[0])) {
    return {
      file,
      problems: [`${file} does not look like a CodeCarbon emissions.csv (no duration or gpu_energy column)`],
    };
  }
  const r = calibrateFromCodeCarbon(records, work);
  return r.ok
    ? { file, calibration: r.value, problems: r.value.warnings }
    : { file, problems: [`${file}: ${r.message}`] };
}

/** The measurement file in a script's folder, if there is one. */
export function findMeasurements(scriptPath: string): Measurements | undefined {
  const dir = path.dirname(path.resolve(scriptPath));
  for (const name of MEASUREMENT_FILES) {
    const f = path.join(dir, name);
    try {
      if (fs.statSync(f).isFile()) return readMeasurements(f);
    } catch {
      // not there
    }
  }
  return undefined;
}

/** The scope and carbon options `greenml estimate` passes through to the core (each off unless set). */
export type EstimateOptions = Pick<
  RunInputs,
  'includeIdle' | 'embodied' | 'devRunsMultiplier' | 'marginal' | 'marketIntensity'
>;

/**
 * Re-estimate an analysed run with the options and, when given, a calibration; the run-shape assumptions (tokens,
 * steps) stay in front, as in analyzeRun.
 */
export function estimateRun(
  run: AnalyzedRun,
  settings: Settings,
  options: EstimateOptions,
  calibration?: Calibration,
): Estimate {
  const e = coreEstimate({ ...run.inputs, ...options, calibration });
  e.assumptions.unshift(...runShape(run.plan, settings).assumptions);
  e.memoryGBPerDevice ??= run.estimate.memoryGBPerDevice;
  return e;
}
