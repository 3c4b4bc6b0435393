import * as fs from 'node:fs';
import { ACCUMULATION, withoutComments } from '../engine/extract/code-signs';
const t = withoutComments(fs.readFileSync(process.argv[2], 'utf8'));
const m = ACCUMULATION.exec(t);
console.log(m?.[0], m ? JSON.stringify(t.slice(m.index - 60, m.index + 20)) : '');
