import { CASES } from '../core/validation/cases';
import { estimate } from '../core/index';
for (const id of process.argv.slice(2)) {
  const c = CASES.find((x) => x.id === id)!;
  const e = estimate(c.inputs);
  console.log('###', id, JSON.stringify(c.inputs), 'pub', c.target.value, 'est', e.gpuHours.mid.toPrecision(3));
  for (const a of e.assumptions)
    if (['mfu', 'flops', 'tokens', 'precision', 'launch-bound', 'input-bound'].includes(a.key) || /launch/.test(a.key))
      console.log('   ', a.key, ':', a.text.slice(0, 400));
}
