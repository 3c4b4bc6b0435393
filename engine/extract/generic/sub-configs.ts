// Names bound to sub-configs in Python config files (ml_collections / yacs style), read by ./python.ts.

/**
 * Names bound to one sub-config of another (`c.train = train = …`, `train = c.train`), by name → full path. Read
 * from the text (dotted names only): the generic walk has already visited every node once.
 */
export function subConfigNames(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const ambiguous = new Set<string>();
  const bind = (name: string, dotted: string) => {
    const prev = out.get(name);
    if (prev && prev.join('.') !== dotted) ambiguous.add(name);
    out.set(name, dotted.split('.'));
  };
  for (const m of text.matchAll(/^[ \t]*(\w+(?:\.\w+)+)[ \t]*=[ \t]*(\w+)[ \t]*=[^=]/gm)) bind(m[2], m[1]);
  for (const m of text.matchAll(/^[ \t]*(\w+)[ \t]*=[ \t]*(\w+(?:\.\w+)+)[ \t]*(?:#.*)?$/gm)) bind(m[1], m[2]);
  for (const n of ambiguous) out.delete(n);
  return out;
}
