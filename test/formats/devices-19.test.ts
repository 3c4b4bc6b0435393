// Devices a shell launcher fixes through the environment it gives its training command, for tools the launcher
// reader does not know (read through the vocabulary): one GPU made visible is one device. Each case has its
// counterpart that must stay unknown. Fixtures written for these tests.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const TRAIN = (env: string) => `#!/usr/bin/env bash
${env}fairseq-train data-bin/wmt \\
  --arch transformer --optimizer adam --lr 5e-4 \\
  --batch-size 32 --max-epoch 20 --fp16 \\
  --save-dir checkpoints
`;

/** No count the files state: nothing, or the one device assumed for every run. */
const unstated = (a: Awaited<ReturnType<typeof analyze>>) =>
  ['assumed', undefined].includes(fact(a, 'devices')?.origin);

test('one GPU made visible to a fairseq-train command is one device; several ids, a variable or none fix no count', async () => {
  const one = await analyze({ 'train.sh': TRAIN('CUDA_VISIBLE_DEVICES=2 ') }, 'train.sh');
  assert.equal(fact(one, 'devices')?.value, 1);
  assert.match(fact(one, 'devices')!.note!, /CUDA_VISIBLE_DEVICES=2/);
  const exported = await analyze({ 'train.sh': TRAIN('export CUDA_VISIBLE_DEVICES=0\n') }, 'train.sh');
  assert.equal(fact(exported, 'devices')?.value, 1);
  // must not: fairseq-train takes every visible GPU, and four are visible.
  const four = await analyze({ 'train.sh': TRAIN('CUDA_VISIBLE_DEVICES=0,1,2,3 ') }, 'train.sh');
  assert.ok(unstated(four));
  // must not: the id is the caller's.
  const chosen = await analyze({ 'train.sh': TRAIN('CUDA_VISIBLE_DEVICES=$1 ') }, 'train.sh');
  assert.ok(unstated(chosen));
  // must not: nothing limits the GPUs the training command sees.
  const none = await analyze({ 'train.sh': TRAIN('') }, 'train.sh');
  assert.ok(unstated(none));
});

test('must not: one GPU given only to the evaluation command, or an assignment that is not exported, fixes no count', async () => {
  const evalOnly = await analyze(
    { 'train.sh': `${TRAIN('')}CUDA_VISIBLE_DEVICES=0 fairseq-generate data-bin/wmt --path checkpoints/last.pt\n` },
    'train.sh',
  );
  assert.ok(unstated(evalOnly));
  // A plain assignment is a shell variable: the training command's environment does not get it.
  const plain = await analyze({ 'train.sh': TRAIN('CUDA_VISIBLE_DEVICES=0\n') }, 'train.sh');
  assert.ok(unstated(plain));
  // Another command of the script sees four GPUs: the script does not keep to one.
  const mixed = await analyze(
    {
      'train.sh': `${TRAIN('CUDA_VISIBLE_DEVICES=0 ')}CUDA_VISIBLE_DEVICES=0,1,2,3 fairseq-train data-bin/big --max-epoch 5\n`,
    },
    'train.sh',
  );
  assert.ok(unstated(mixed));
});
