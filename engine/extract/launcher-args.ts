// A launch command's pieces: the script's arguments as fields (and how to write them back), SLURM directives.

import { Word } from '../parse/shell';
import { FactValue } from '../types';
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
    const kv = /^(?:--?|\+\+?)?([A-Za-z_][\w.-]*)=(.*)$/s.exec(w.text);
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
      const m = /^(?:--?|\+\+?)?([A-Za-z_][\w.-]*)=(.*)$/s.exec(w.text);
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
