// Number formatting shared by diagnostics, hovers, CodeLens and the CLI, so every front end says the same thing.
import type { Range } from '../core/index';

/** Two or three significant digits, thousands separated: 0.042, 4.1, 81,101. */
export function num(n: number): string {
  if (!Number.isFinite(n)) return '?';
  const a = Math.abs(n);
  if (a === 0) return '0';
  if (a >= 100) return Math.round(n).toLocaleString('en-US');
  if (a >= 10) return n.toFixed(1).replace(/\.0$/, '');
  if (a >= 1) return n.toFixed(1).replace(/\.0$/, '');
  return n.toPrecision(2);
}

export function energy(kWh: number): string {
  return kWh >= 10_000 ? `${num(kWh / 1000)} MWh` : `${num(kWh)} kWh`;
}

export function carbon(kg: number): string {
  return kg >= 10_000 ? `${num(kg / 1000)} t CO2e` : `${num(kg)} kg CO2e`;
}

export function hours(h: number): string {
  if (h < 1) return `${Math.max(1, Math.round(h * 60))} min`;
  if (h < 48) return `${num(h)} h`;
  return `${num(h / 24)} d`;
}

/** "4.1 kWh (2.9–6)", "25 min (17–36)", "1.2 h (50 min–1.8 h)": the unit is said once when all three share it. */
export function range(r: Range, fmt: (n: number) => string): string {
  const [mid, low, high] = [fmt(r.mid), fmt(r.low), fmt(r.high)];
  if (r.low === r.high) return mid;
  const unit = (s: string) => s.replace(/^[^\s]*\s?/, '');
  const value = (s: string) => s.split(' ')[0];
  if (unit(low) === unit(mid) && unit(high) === unit(mid)) return `${mid} (${value(low)}–${value(high)})`;
  return `${mid} (${low}–${high})`;
}

export function percent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}
