// Library version pins near a script (requirements*.txt, pyproject.toml) for the packages whose defaults changed:
// transformers (5.0: from_pretrained loads the checkpoint dtype) and trl (0.19: bf16 on; 0.22: gradient
// checkpointing on). A pin is a range; a default changes only when the whole range is on one side of the pivot.
import { parse as parseToml } from 'smol-toml';

export interface Pin {
  /** Lowest version allowed, inclusive. */
  min?: number[];
  /** Highest version allowed; `maxExclusive` when written `<`. */
  max?: number[];
  maxExclusive?: boolean;
  /** Where it was read, for notes: "trl==0.12.0 (requirements.txt)". */
  text: string;
}

export type Versions = Partial<Record<'transformers' | 'trl', Pin>>;

const PACKAGES = ['transformers', 'trl'] as const;

function parseVersion(s: string): number[] | undefined {
  const m = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(s.trim());
  return m ? [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)] : undefined;
}

function cmp(a: number[], b: number[]): number {
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
}

/** A PEP 440 specifier list ("==4.46.0", ">=0.12,<0.19", "~=0.15.2") as a range. */
export function pinOf(spec: string, text: string): Pin {
  const pin: Pin = { text };
  for (const part of spec.split(',')) {
    const m = /^\s*(===?|~=|>=|<=|>|<|!=)\s*([\d.*]+)/.exec(part);
    if (!m) continue;
    const v = parseVersion(m[2]);
    if (!v) continue;
    if (m[1] === '==' || m[1] === '===') {
      if (m[2].includes('*')) {
        const parts = m[2]
          .split('.')
          .filter((x) => x !== '*')
          .map(Number);
        pin.min = parseVersion(parts.join('.'));
        const up = [...parts];
        up[up.length - 1]++;
        pin.max = parseVersion(up.join('.'));
        pin.maxExclusive = true;
      } else pin.min = pin.max = v;
    } else if (m[1] === '>=' || m[1] === '>') pin.min = v;
    else if (m[1] === '<' || m[1] === '<=') {
      pin.max = v;
      pin.maxExclusive = m[1] === '<';
    } else if (m[1] === '~=') {
      pin.min = v;
      const n = m[2].split('.').length;
      pin.max = n >= 3 ? [v[0], v[1] + 1, 0] : [v[0] + 1, 0, 0];
      pin.maxExclusive = true;
    }
  }
  return pin;
}

/** True when every allowed version is below `version`. */
export function below(pin: Pin | undefined, version: string): boolean {
  const v = parseVersion(version)!;
  if (!pin?.max) return false;
  const c = cmp(pin.max, v);
  return c < 0 || (c === 0 && !!pin.maxExclusive);
}

/** True when every allowed version is at least `version`. */
export function atLeast(pin: Pin | undefined, version: string): boolean {
  const v = parseVersion(version)!;
  return !!pin?.min && cmp(pin.min, v) >= 0;
}

const REQ = /^\s*(transformers|trl)\s*(?:\[[^\]]*\])?\s*((?:[=<>!~]=?=?\s*[\d.*]+\s*,?\s*)+)/i;

export function parseRequirements(text: string, file: string): Versions {
  const out: Versions = {};
  for (const line of text.split('\n')) {
    const m = REQ.exec(line.replace(/#.*/, ''));
    if (m) out[m[1].toLowerCase() as 'trl'] = pinOf(m[2], `${line.trim()} (${file})`);
  }
  return out;
}

export function parsePyproject(text: string, file: string): Versions {
  let doc: Record<string, unknown>;
  try {
    doc = parseToml(text) as Record<string, unknown>;
  } catch {
    return {};
  }
  const out: Versions = {};
  const project = doc.project as { dependencies?: unknown } | undefined;
  for (const dep of Array.isArray(project?.dependencies) ? project!.dependencies : []) {
    if (typeof dep !== 'string') continue;
    const m = REQ.exec(dep);
    if (m) out[m[1].toLowerCase() as 'trl'] = pinOf(m[2], `${dep} (${file})`);
  }
  const poetry = (
    (doc.tool as Record<string, unknown> | undefined)?.poetry as { dependencies?: Record<string, unknown> } | undefined
  )?.dependencies;
  for (const name of PACKAGES) {
    const v = poetry?.[name];
    const spec =
      typeof v === 'string'
        ? v
        : typeof (v as { version?: unknown })?.version === 'string'
          ? (v as { version: string }).version
          : undefined;
    if (!spec) continue;
    // Poetry: "^4.46" = >=4.46,<5; bare "4.46.0" = ==4.46.0.
    const caret = /^\^(\d+)(\.\d+)?(\.\d+)?/.exec(spec);
    out[name] = caret
      ? pinOf(
          `>=${spec.slice(1)},<${Number(caret[1]) === 0 ? `0.${Number((caret[2] ?? '.0').slice(1)) + 1}` : Number(caret[1]) + 1}`,
          `${name} = "${spec}" (${file})`,
        )
      : pinOf(/^[\d]/.test(spec) ? `==${spec}` : spec, `${name} = "${spec}" (${file})`);
  }
  return out;
}
