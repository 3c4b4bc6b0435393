import type { Rule } from './types';
import { at, written } from './helpers';

/**
 * GML403 tfdata-no-prefetch — a tf.data pipeline that does not prefetch.
 */
export const tfdataNoPrefetch: Rule = {
  code: 'GML403',
  name: 'tfdata-no-prefetch',
  defaultSeverity: 'warning',
  summary: 'A tf.data input pipeline without prefetch',
  doc: {
    whatItDoes:
      'Flags a batched `tf.data` pipeline with no `.prefetch(...)` in a training script: the one `fit()` trains on, ' +
      'else the first one not named for evaluation data (`val`, `test`, `eval`), reported on its `.batch(...)`. A pipeline module of the project that runs nothing by itself is judged with the run of the training script that imports it.',
    whyIsThisBad:
      'Without prefetch, input preparation and training alternate: the accelerator idles while the next batch is ' +
      'built. `.prefetch(tf.data.AUTOTUNE)` overlaps them (TensorFlow guide, "Better performance with the tf.data API").',
    example: 'ds = tf.data.Dataset.from_tensor_slices((x, y)).shuffle(10_000).batch(128)',
    useInstead: 'ds = tf.data.Dataset.from_tensor_slices((x, y)).shuffle(10_000).batch(128).prefetch(tf.data.AUTOTUNE)',
    fixSafety:
      'Safe: prefetching changes when batches are built, not what they contain. Not flagged: CPU runs, files that ' +
      'prefetch anywhere, and files whose only batched pipelines feed evaluation.',
  },
  check(ctx) {
    const f = ctx.fact('prefetch');
    if (f?.value !== false || !written(f) || ctx.cpu) return [];
    return [
      {
        ...at(f),
        message: 'The tf.data pipeline does not prefetch: the accelerator waits while each batch is prepared.',
        fixes: [
          {
            title: 'Prefetch batches (.prefetch(tf.data.AUTOTUNE))',
            applicability: 'safe',
            edits: [{ file: f.file, start: f.span.end, end: f.span.end, newText: '.prefetch(tf.data.AUTOTUNE)' }],
          },
        ],
      },
    ];
  },
};
