// A notebook open in the editor arrives cell by cell (LSP 3.17 notebook synchronization: each cell a text document of
// its own, `vscode-notebook-cell:` URIs). The review reads notebooks as nbformat 4 JSON (../review/analyze-notebook.ts,
// ../../engine/parse/notebook.ts): the open notebook's code cells are written here as such a JSON text, each cell's
// `source` one JSON string whose every character's offset is recorded, so that each span of the analysis (in the
// JSON's offsets) maps back to one cell and an offset in its text, and each position in a cell to the JSON.
// Pure: no protocol types, no I/O.

/** A code cell as the editor holds it. */
export interface CellText {
  uri: string;
  text: string;
}

export interface LayoutCell extends CellText {
  /** Offset in the JSON of the cell text's character `k` (`at[text.length]`: the closing quote). */
  at: Int32Array;
}

export interface NotebookLayout {
  /** nbformat 4 JSON holding the code cells, in order. */
  json: string;
  cells: LayoutCell[];
}

const HEAD = '{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [';

/** A character as it must be written inside a JSON string (RFC 8259 §7: quote, backslash, controls escaped). */
const escaped = (ch: string) => (ch === '"' || ch === '\\' || ch < ' ' ? JSON.stringify(ch).slice(1, -1) : ch);

export function notebookLayout(cells: CellText[]): NotebookLayout {
  const parts: string[] = [HEAD];
  let offset = HEAD.length;
  const out: LayoutCell[] = [];
  cells.forEach((c, i) => {
    const head = `${i ? ', ' : ''}{"cell_type": "code", "metadata": {}, "outputs": [], "source": "`;
    parts.push(head);
    offset += head.length;
    const at = new Int32Array(c.text.length + 1);
    let plain = 0; // start of the run of characters written as they are
    for (let k = 0; k < c.text.length; k++) {
      at[k] = offset;
      const e = escaped(c.text[k]);
      if (e.length !== 1) {
        parts.push(c.text.slice(plain, k), e);
        plain = k + 1;
      }
      offset += e.length;
    }
    parts.push(c.text.slice(plain), '"}');
    at[c.text.length] = offset;
    offset += 2;
    out.push({ uri: c.uri, text: c.text, at });
  });
  parts.push(']}\n');
  return { json: parts.join(''), cells: out };
}

/** The largest k with at[k] ≤ off (0 when off precedes them all). */
function indexAt(at: Int32Array, off: number): number {
  let lo = 0;
  let hi = at.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (at[mid] <= off) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The cell holding the JSON offset `off` and the offset in its text. An offset before the first cell (a message's
 * 0..0) lands at the start of the first; one between cells at the end of the cell before. Undefined without cells.
 */
export function cellAt(layout: NotebookLayout, off: number): { cell: LayoutCell; offset: number } | undefined {
  const cells = layout.cells;
  if (cells.length === 0) return undefined;
  let lo = 0;
  let hi = cells.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (cells[mid].at[0] <= off) lo = mid;
    else hi = mid - 1;
  }
  const cell = cells[lo];
  return { cell, offset: off < cell.at[0] ? 0 : indexAt(cell.at, off) };
}

/** A JSON span as a span of one cell's text: the cell of its start, its end clipped to that cell. */
export function cellSpan(
  layout: NotebookLayout,
  span: { start: number; end: number },
): { cell: LayoutCell; start: number; end: number } | undefined {
  const s = cellAt(layout, span.start);
  if (!s) return undefined;
  const last = s.cell.at[s.cell.text.length];
  const end = span.end >= last ? s.cell.text.length : Math.max(s.offset, indexAt(s.cell.at, span.end));
  return { cell: s.cell, start: s.offset, end };
}

/** The JSON offset of offset `offset` of the cell `uri`'s text, or undefined when the layout has no such cell. */
export function jsonOffset(layout: NotebookLayout, uri: string, offset: number): number | undefined {
  const cell = layout.cells.find((c) => c.uri === uri);
  if (!cell) return undefined;
  const k = Math.max(0, Math.min(cell.text.length, Math.floor(offset) || 0));
  return cell.at[k];
}
