// `greenml hardware [QUERY]` and `greenml regions [QUERY]`: the core's accelerator and grid tables, searchable, so
// users see the accepted names before a "Did you mean" has to tell them.
import type { Command } from 'commander';
import {
  ACCELERATORS,
  GRID,
  resolveAccelerator,
  resolveRegion,
  type Accelerator,
  type GridIntensity,
} from '../../../core/index';

const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * Rows matching every word of the query (id, name, vendor, architecture, country), plus the row the resolver picks
 * for the whole query — so `greenml hardware "NVIDIA A100-SXM4-80GB"` (how nvidia-smi spells it) finds its row.
 */
function search<T extends { id: string }>(rows: readonly T[], query: string, keys: (r: T) => string[], resolved?: T) {
  const words = query.split(/\s+/).map(squash).filter(Boolean);
  if (words.length === 0) return [...rows];
  const hits = rows.filter((r) => {
    const hay = keys(r).map(squash).join(' ');
    return words.every((w) => hay.includes(w));
  });
  if (resolved && !hits.some((r) => r.id === resolved.id)) hits.unshift(resolved);
  return hits;
}

export function findAccelerators(query: string): Accelerator[] {
  const r = query.trim() ? resolveAccelerator(query) : undefined;
  return search(ACCELERATORS, query, (a) => [a.id, a.name, a.vendor, a.arch], r?.ok ? r.value : undefined);
}

export function findRegions(query: string): GridIntensity[] {
  const r = query.trim() ? resolveRegion(query) : undefined;
  return search(GRID, query, (g) => [g.id, g.name, g.provider, g.country ?? ''], r?.ok ? r.value : undefined);
}

/** Left-aligned columns, two spaces apart; the last column is not padded. */
export function columns(rows: string[][]): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) =>
    r
      .map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd(),
  );
}

const peak16 = (a: Accelerator) => a.tflops.bf16 ?? a.tflops.fp16;

export function registerTables(program: Command, out: (s: string) => void): void {
  program
    .command('hardware')
    .description('list the accelerators the estimates know (search with a query, e.g. "a100" or "hopper")')
    .argument('[query...]', 'words that must all appear in the id, name, vendor or architecture')
    .option('--json', 'JSON output')
    .action((query: string[], o) => {
      const rows = findAccelerators(query.join(' '));
      if (o.json) {
        out(JSON.stringify(rows, null, 2));
        return;
      }
      if (rows.length === 0) {
        const r = resolveAccelerator(query.join(' '));
        out(`No accelerator matches "${query.join(' ')}".${r.ok ? '' : ` ${r.message}`}`);
        process.exitCode = 1;
        return;
      }
      const table = [
        ['ID', 'NAME', 'MEMORY', 'POWER', '16-BIT TFLOPS', 'SOURCE'],
        ...rows.map((a) => [
          a.id,
          a.name,
          `${a.memoryGB} GB`,
          `${a.powerW} W`,
          peak16(a) !== undefined ? String(peak16(a)) : '–',
          `${a.year}`,
        ]),
      ];
      for (const line of columns(table)) out(line);
      out('');
      out(`${rows.length} of ${ACCELERATORS.length} accelerators. Use an id (any spelling works, e.g. what nvidia-smi`);
      out(`prints): greenml check --hardware ${rows[0].id}, or hardware = "${rows[0].id}" in greenml.toml.`);
    });

  program
    .command('regions')
    .description('list the grid regions and their carbon intensity (search with a query, e.g. "europe" or "gcp")')
    .argument('[query...]', 'words that must all appear in the id, name, provider or country')
    .option('--json', 'JSON output')
    .action((query: string[], o) => {
      const rows = findRegions(query.join(' '));
      if (o.json) {
        out(JSON.stringify(rows, null, 2));
        return;
      }
      if (rows.length === 0) {
        const r = resolveRegion(query.join(' '));
        out(`No region matches "${query.join(' ')}".${r.ok ? '' : ` ${r.message}`}`);
        process.exitCode = 1;
        return;
      }
      const table = [
        ['ID', 'NAME', 'G CO2E/KWH', 'YEAR'],
        ...rows.map((g) => [g.id, g.name, g.gPerKWh.toFixed(0), String(g.year)]),
      ];
      for (const line of columns(table)) out(line);
      out('');
      out(`${rows.length} of ${GRID.length} regions (location-based annual averages; sources in core/data/grid.ts).`);
      out(`Use: greenml check --region ${rows[0].id}, or region = "${rows[0].id}" in greenml.toml.`);
    });
}
