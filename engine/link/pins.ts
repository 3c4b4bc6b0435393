// Version pins near a run's entry file (requirements*.txt, pyproject.toml, up to four folders up), read through the
// FileReader: framework defaults that changed between releases (transformers, trl) follow the pinned version.
import * as path from 'node:path';
import { Versions, parsePyproject, parseRequirements } from '../extract/versions';
import type { FileReader } from './reader';

export function versionsNear(reader: FileReader, file: string): Versions {
  let dir = path.dirname(path.resolve(file));
  for (let i = 0; i < 4; i++) {
    const names = reader.list(dir);
    const reqs = names.filter((n) => /^requirements[\w.-]*\.txt$/i.test(n)).sort();
    const out: Versions = {};
    for (const r of reqs) Object.assign(out, parseRequirements(reader.read(path.join(dir, r)) ?? '', r));
    if (names.includes('pyproject.toml'))
      Object.assign(out, parsePyproject(reader.read(path.join(dir, 'pyproject.toml')) ?? '', 'pyproject.toml'));
    if (out.transformers || out.trl) return out;
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return {};
}
