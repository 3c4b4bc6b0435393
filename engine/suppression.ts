// Suppression comments: `# greenml: ignore[GML101, no-periodic-checkpoint]`, `# greenml: ignore` (all rules) and
// `# noqa: GML101` on the line of a finding. Same syntax in Python, YAML and shell files.
const PRAGMA = /#\s*(?:greenml:\s*ignore(?:\[([^\]]*)\])?|noqa:\s*((?:GML\d{3}[\s,]*)+))/gi;

/** 0-based line → suppressed codes (upper-case; "*" = all). */
export function suppressedCodes(text: string): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>();
  if (!text.includes('greenml') && !text.includes('noqa')) return out;
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    if (!line.includes('#')) return;
    for (const m of line.matchAll(PRAGMA)) {
      const list = m[1] ?? m[2];
      const codes =
        list === undefined
          ? ['*']
          : list
              .split(/[\s,]+/)
              .filter(Boolean)
              .map((c) => c.toUpperCase());
      const set = out.get(i) ?? new Set<string>();
      codes.forEach((c) => set.add(c));
      out.set(i, set);
    }
  });
  return out;
}
