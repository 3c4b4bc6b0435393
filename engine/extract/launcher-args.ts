// A launch command's pieces: the script's arguments as fields (and how to write them back), SLURM directives.

import { Word } from '../parse/shell';
import { Fact, FactValue, Span } from '../types';
import { Fields, FieldWriter, typedValue } from './fields';

export const num = (w: Word | undefined): number | undefined =>
  w && !w.unresolved && /^\d+$/.test(w.text) ? Number(w.text) : undefined;

/** The script's arguments as fields; positionals apart. */
export function argFields(
  file: string,
  text: string,
  words: Word[],
): { fields: Fields; positionals: Word[]; complete: boolean } {
  const fields: Fields = new Map();
  const positionals: Word[] = [];
  let complete = true;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w.unresolved && !w.text.startsWith('-')) complete = false;
    const kv = /^(?:--?)?([A-Za-z_][\w.-]*)=(.*)$/s.exec(w.text);
    if (kv) {
      const name = kv[1].replace(/-/g, '_');
      fields.set(name, {
        name,
        value: w.unresolved ? undefined : typedValue(kv[2]),
        file,
        span: w.span,
        text: text.slice(w.span.start, w.span.end),
      });
    } else if (w.text.startsWith('--') && w.text.length > 2) {
      const name = w.text.slice(2).replace(/-/g, '_');
      const next = words[i + 1];
      if (next && !next.text.startsWith('--')) {
        fields.set(name, {
          name,
          value: next.unresolved ? undefined : typedValue(next.text),
          file,
          span: { start: w.span.start, end: next.span.end },
          text: text.slice(w.span.start, next.span.end),
        });
        i++;
      } else fields.set(name, { name, value: true, file, span: w.span, text: w.text });
    } else positionals.push(w);
  }
  return { fields, positionals, complete };
}

export const cliLiteral = (v: FactValue, style: 'python' | 'yaml') =>
  typeof v === 'boolean'
    ? style === 'python'
      ? v
        ? 'True'
        : 'False'
      : String(v)
    : v === null
      ? 'None'
      : /^[\w.\-/:]+$/.test(String(v))
        ? String(v)
        : JSON.stringify(String(v));

export function argWriter(
  file: string,
  text: string,
  words: Word[],
  after: Word | undefined,
  style: 'python' | 'yaml',
  kv: boolean,
): FieldWriter {
  return (name, v) => {
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      const m = /^(?:--?)?([A-Za-z_][\w.-]*)=(.*)$/s.exec(w.text);
      if (m && m[1].replace(/-/g, '_') === name) {
        const valueStart = w.span.start + text.slice(w.span.start, w.span.end).indexOf('=') + 1;
        return [{ file, start: valueStart, end: w.span.end, newText: cliLiteral(v, style) }];
      }
      if (w.text.startsWith('--') && w.text.slice(2).replace(/-/g, '_') === name) {
        const next = words[i + 1];
        if (next && !next.text.startsWith('--'))
          return [{ file, start: next.span.start, end: next.span.end, newText: cliLiteral(v, style) }];
        return v === true ? [] : [{ file, start: w.span.end, end: w.span.end, newText: ` ${cliLiteral(v, style)}` }];
      }
    }
    if (!after) return undefined;
    return [
      {
        file,
        start: after.span.end,
        end: after.span.end,
        newText: kv ? ` ${name}=${cliLiteral(v, style)}` : ` --${name} ${cliLiteral(v, style)}`,
      },
    ];
  };
}

/** SLURM directives: hardware, GPUs per node, nodes. */
export function slurm(file: string, comments: { text: string; span: Span }[]) {
  const out: { hardware?: Fact; perNode?: Fact; total?: Fact; nodes?: { value: number; fact: Fact } } = {};
  for (const c of comments) {
    const m = /^#SBATCH\s+(.*)$/.exec(c.text.trim());
    if (!m) continue;
    for (const opt of m[1].split(/\s+/)) {
      const [k, v = ''] = opt.split('=');
      const base = { origin: 'explicit' as const, file, span: c.span };
      const gpu =
        /^gpu:(?:([A-Za-z][\w-]*):)?(\d+)$/.exec(v) ??
        (/^--gpus(-per-node)?$/.test(k) ? /^(?:([A-Za-z][\w-]*):)?(\d+)$/.exec(v) : null);
      if ((k === '--gres' || k === '--gpus-per-node') && gpu) {
        out.perNode = {
          ...base,
          key: 'devices',
          value: Number(gpu[2]),
          note: `#SBATCH ${opt}: ${gpu[2]} GPUs per node`,
        };
        if (gpu[1]) out.hardware = { ...base, key: 'hardware', value: gpu[1], note: `#SBATCH ${opt}` };
      } else if (k === '--gpus' && gpu) {
        out.total = { ...base, key: 'devices', value: Number(gpu[2]), note: `#SBATCH ${opt}` };
        if (gpu[1]) out.hardware = { ...base, key: 'hardware', value: gpu[1], note: `#SBATCH ${opt}` };
      } else if ((k === '--nodes' || k === '-N') && /^\d+$/.test(v)) {
        out.nodes = { value: Number(v), fact: { ...base, key: 'devices', value: Number(v), note: `#SBATCH ${opt}` } };
      } else if (k === '--constraint' && /^[A-Za-z][\w-]*$/.test(v) && /\d/.test(v)) {
        out.hardware ??= { ...base, key: 'hardware', value: v, note: `#SBATCH ${opt}` };
      }
    }
  }
  return out;
}
