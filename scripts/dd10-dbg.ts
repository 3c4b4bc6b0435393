import * as fs from 'node:fs';
import { extractTorchLoop } from '../engine/extract/torch-loop';
import { pythonParser, parsePython } from '../engine/parse/python';
(async () => {
  const p = await pythonParser();
  const f = process.argv[2];
  const t = fs.readFileSync(f, 'utf8');
  const d = extractTorchLoop(f, t, parsePython(p, t));
  for (const r of d) for (const [k, v] of r.plan.facts) console.log(k, v.value, v.origin, v.note);
})();
