import { buildProgram } from './server/cli/main';
const lines: string[] = [];
const p = buildProgram((s) => lines.push(s));
p.parseAsync(process.argv.slice(2), { from: 'user' }).then(() => console.log(lines.join('\n')));
