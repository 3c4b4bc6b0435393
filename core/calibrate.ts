// Calibration from measurement: turn parsed rows of a CodeCarbon emissions.csv, or Zeus measurement windows, into a
// Calibration (core/types.ts) — measured average power per device and, when the measured work is known, step time and
// throughput. estimate() then uses the measured power instead of its power model and labels the result "calibrated".
// Pure: the caller reads and parses the file (server/engine/measurements.ts).
//
// CodeCarbon (mlco2/codecarbon, docs/explanation/output.md): one row per run or per flush; energies in kWh are
// cumulative within a run_id, so the row with the longest duration of each run_id is taken; rows without a run_id
// count as separate runs. gpu_energy, cpu_energy and ram_energy are before PUE; energy_consumed = their sum × pue.
// Known traps, reported as warnings: a gpu_energy of 0 although GPUs are listed (NVML without the energy counter,
// CodeCarbon #1316); several ranks each measuring the whole node (PR #1390), which shows as implausible power.
// Zeus (ml-energy/zeus): a measurement window has `time` (s) and `gpu_energy` (J, per GPU index), optionally cpu/dram J.

import type { Calibration } from './types';

export type MeasurementRow = Readonly<Record<string, string | number | null | undefined>>;

/** What the measured window covered, when the caller knows it (e.g. the bench script's step count). */
export interface MeasuredWork {
  steps?: number;
  tokens?: number;
  samples?: number;
}

export type CalibrationResult = { ok: true; value: Calibration } | { ok: false; message: string };

/** Average power per device above this is implausible for any accelerator in the table (B200 max 1,000 W). */
export const MAX_PLAUSIBLE_DEVICE_W = 1500;

function num(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  if (t === '' || /^(nan|none|null)$/i.test(t)) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

function str(v: unknown): string | undefined {
  if (typeof v === 'number') return String(v);
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  return t === '' || /^(nan|none|null)$/i.test(t) ? undefined : t;
}

function mostCommon(xs: Array<string | undefined>): string | undefined {
  const counts = new Map<string, number>();
  for (const x of xs) if (x !== undefined) counts.set(x, (counts.get(x) ?? 0) + 1);
  let best: string | undefined;
  let n = 0;
  for (const [k, c] of counts) if (c > n) [best, n] = [k, c];
  return best;
}

function withWork(
  base: Omit<Calibration, 'stepTimeS' | 'deviceSecondsPerToken' | 'deviceSecondsPerSample'>,
  work?: MeasuredWork,
): Calibration {
  const out: Calibration = { ...base };
  const deviceSeconds = base.durationS * base.devices;
  if (work?.steps && work.steps > 0) out.stepTimeS = base.durationS / work.steps;
  if (work?.tokens && work.tokens > 0) out.deviceSecondsPerToken = deviceSeconds / work.tokens;
  if (work?.samples && work.samples > 0) out.deviceSecondsPerSample = deviceSeconds / work.samples;
  return out;
}

function hours(s: number): string {
  return s >= 3600 ? `${Math.round((s / 3600) * 100) / 100} h` : `${Math.round(s / 6) / 10} min`;
}

/** Calibrate from parsed CodeCarbon emissions.csv rows (header names as keys). */
export function calibrateFromCodeCarbon(rows: readonly MeasurementRow[], work?: MeasuredWork): CalibrationResult {
  if (!Array.isArray(rows) || rows.length === 0) return { ok: false, message: 'emissions.csv has no rows' };
  const warnings: string[] = [];
  // Latest (longest) row per run_id; rows without run_id are runs of their own.
  const runs = new Map<string, MeasurementRow>();
  rows.forEach((r, i) => {
    const id = str(r.run_id) ?? `#row${i}`;
    const prev = runs.get(id);
    if (!prev || (num(r.duration) ?? 0) >= (num(prev.duration) ?? 0)) runs.set(id, r);
  });
  let duration = 0;
  let deviceSeconds = 0;
  let gpuKWh = 0;
  let hostKWh = 0;
  let hostKnown = false;
  let kg = 0;
  let kgKnown = false;
  let maxDevices = 0;
  let zeroGpu = 0;
  const pues: number[] = [];
  const used: MeasurementRow[] = [];
  for (const r of runs.values()) {
    const d = num(r.duration);
    const g = num(r.gpu_energy);
    const count = num(r.gpu_count);
    if (d === undefined || d <= 0) continue;
    if (g === undefined || g <= 0) {
      if ((count ?? 0) > 0 || (num(r.gpu_power) ?? 0) > 0) zeroGpu++;
      continue;
    }
    const devices = count !== undefined && count >= 1 ? Math.round(count) : 1;
    if (count === undefined) warnings.push('gpu_count missing in a row; 1 GPU assumed');
    duration += d;
    deviceSeconds += d * devices;
    gpuKWh += g;
    maxDevices = Math.max(maxDevices, devices);
    const cpu = num(r.cpu_energy);
    const ram = num(r.ram_energy);
    if (cpu !== undefined || ram !== undefined) {
      hostKnown = true;
      hostKWh += (cpu ?? 0) + (ram ?? 0);
    }
    const e = num(r.emissions);
    if (e !== undefined) {
      kg += e;
      kgKnown = true;
    }
    const p = num(r.pue);
    if (p !== undefined && p >= 1) pues.push(p);
    used.push(r);
  }
  if (zeroGpu > 0) {
    warnings.push(
      `${zeroGpu} run(s) list GPUs but report no GPU energy: the GPU's energy counter was not read (pre-Volta GPU, vGPU or missing NVML support; CodeCarbon #1316); those runs are ignored`,
    );
  }
  if (used.length === 0) {
    return {
      ok: false,
      message: `emissions.csv has no run with a positive duration and GPU energy${zeroGpu ? ` (${warnings[warnings.length - 1]})` : ''}`,
    };
  }
  const gpuPowerW = (gpuKWh * 3.6e6) / deviceSeconds;
  const hostPowerW = hostKnown ? (hostKWh * 3.6e6) / deviceSeconds : undefined;
  if (gpuPowerW > MAX_PLAUSIBLE_DEVICE_W) {
    warnings.push(
      `measured ${Math.round(gpuPowerW)} W per GPU is implausible: several processes may each have measured the whole node (CodeCarbon PR #1390); divide by the number of ranks or measure from one rank`,
    );
  }
  const gpuModel = mostCommon(used.map((r) => str(r.gpu_model)));
  const provider = mostCommon(used.map((r) => str(r.cloud_provider)?.toLowerCase()));
  const cloudRegion = mostCommon(used.map((r) => str(r.cloud_region)?.toLowerCase()));
  const onCloud = mostCommon(used.map((r) => str(r.on_cloud)?.toUpperCase()));
  const region = provider && cloudRegion && onCloud !== 'N' ? `${provider}:${cloudRegion}` : undefined;
  const pue = pues.length > 0 ? pues.reduce((a, b) => a + b, 0) / pues.length : undefined;
  return {
    ok: true,
    value: withWork(
      {
        source: 'codecarbon',
        description: `CodeCarbon emissions.csv: ${used.length} run${used.length === 1 ? '' : 's'}, ${hours(duration)} on ${maxDevices} × ${gpuModel ? gpuModel.replace(/^\s*\d+\s*x\s*/i, '') : 'GPU'}`,
        runs: used.length,
        durationS: duration,
        devices: maxDevices,
        gpuModel,
        gpuPowerW,
        hostPowerW,
        itEnergyKWh: gpuKWh + hostKWh,
        measuredKgCO2e: kgKnown ? kg : undefined,
        pue,
        country: mostCommon(used.map((r) => str(r.country_iso_code))),
        region,
        warnings,
      },
      work,
    ),
  };
}

/** One Zeus measurement window (ZeusMonitor.end_window): seconds and joules (per GPU index, or a total). */
export interface ZeusWindow {
  time: number;
  gpu_energy: number | Readonly<Record<string, number>>;
  cpu_energy?: number | Readonly<Record<string, number>>;
  dram_energy?: number | Readonly<Record<string, number>>;
  /** Number of GPUs when gpu_energy is a total. */
  gpu_count?: number;
  gpu_model?: string;
}

function joules(x: ZeusWindow['gpu_energy'] | undefined): { total: number; count: number } | undefined {
  if (x === undefined) return undefined;
  if (typeof x === 'number') return Number.isFinite(x) ? { total: x, count: 0 } : undefined;
  const vals = Object.values(x).filter((v) => typeof v === 'number' && Number.isFinite(v));
  return vals.length ? { total: vals.reduce((a, b) => a + b, 0), count: vals.length } : undefined;
}

/** Calibrate from Zeus measurement windows. */
export function calibrateFromZeus(windows: readonly ZeusWindow[], work?: MeasuredWork): CalibrationResult {
  if (!Array.isArray(windows) || windows.length === 0) return { ok: false, message: 'no Zeus measurement windows' };
  let duration = 0;
  let deviceSeconds = 0;
  let gpuJ = 0;
  let hostJ = 0;
  let hostKnown = false;
  let devicesMax = 0;
  let used = 0;
  const warnings: string[] = [];
  for (const w of windows) {
    const t = num(w.time);
    const g = joules(w.gpu_energy);
    if (t === undefined || t <= 0 || !g || g.total <= 0) continue;
    const devices = g.count > 0 ? g.count : Math.max(1, Math.round(num(w.gpu_count) ?? 1));
    duration += t;
    deviceSeconds += t * devices;
    gpuJ += g.total;
    devicesMax = Math.max(devicesMax, devices);
    const c = joules(w.cpu_energy);
    const m = joules(w.dram_energy);
    if (c || m) {
      hostKnown = true;
      hostJ += (c?.total ?? 0) + (m?.total ?? 0);
    }
    used++;
  }
  if (used === 0) return { ok: false, message: 'no Zeus window with a positive time and GPU energy' };
  const gpuPowerW = gpuJ / deviceSeconds;
  if (gpuPowerW > MAX_PLAUSIBLE_DEVICE_W)
    warnings.push(`measured ${Math.round(gpuPowerW)} W per GPU is implausible; check the units (joules and seconds)`);
  const gpuModel = mostCommon(windows.map((w) => str(w.gpu_model)));
  return {
    ok: true,
    value: withWork(
      {
        source: 'zeus',
        description: `Zeus measurement: ${used} window${used === 1 ? '' : 's'}, ${hours(duration)} on ${devicesMax} × ${gpuModel ?? 'GPU'}`,
        runs: used,
        durationS: duration,
        devices: devicesMax,
        gpuModel,
        gpuPowerW,
        hostPowerW: hostKnown ? hostJ / deviceSeconds : undefined,
        itEnergyKWh: (gpuJ + hostJ) / 3.6e6,
        warnings,
      },
      work,
    ),
  };
}

/** ISO 3166 alpha-3 → alpha-2 for the countries in data/grid.ts (CodeCarbon writes alpha-3). */
export const ALPHA3_TO_ALPHA2: Readonly<Record<string, string>> = {
  USA: 'US',
  CAN: 'CA',
  MEX: 'MX',
  BRA: 'BR',
  ARG: 'AR',
  CHL: 'CL',
  COL: 'CO',
  GBR: 'GB',
  IRL: 'IE',
  FRA: 'FR',
  DEU: 'DE',
  NLD: 'NL',
  BEL: 'BE',
  LUX: 'LU',
  CHE: 'CH',
  AUT: 'AT',
  ITA: 'IT',
  ESP: 'ES',
  PRT: 'PT',
  SWE: 'SE',
  NOR: 'NO',
  FIN: 'FI',
  DNK: 'DK',
  ISL: 'IS',
  POL: 'PL',
  CZE: 'CZ',
  HUN: 'HU',
  ROU: 'RO',
  GRC: 'GR',
  TUR: 'TR',
  ISR: 'IL',
  ARE: 'AE',
  SAU: 'SA',
  QAT: 'QA',
  BHR: 'BH',
  ZAF: 'ZA',
  EGY: 'EG',
  NGA: 'NG',
  KEN: 'KE',
  IND: 'IN',
  CHN: 'CN',
  HKG: 'HK',
  TWN: 'TW',
  JPN: 'JP',
  KOR: 'KR',
  SGP: 'SG',
  MYS: 'MY',
  IDN: 'ID',
  THA: 'TH',
  VNM: 'VN',
  PHL: 'PH',
  AUS: 'AU',
  NZL: 'NZ',
  RUS: 'RU',
  UKR: 'UA',
  EST: 'EE',
  LVA: 'LV',
  LTU: 'LT',
  SVK: 'SK',
  SVN: 'SI',
  HRV: 'HR',
  BGR: 'BG',
  SRB: 'RS',
  PAK: 'PK',
  BGD: 'BD',
};
