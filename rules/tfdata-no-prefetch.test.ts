import { runRuleCases } from '../test/helpers/rule-harness';
import { tfdataNoPrefetch } from './tfdata-no-prefetch';

const script = (pipeline: string) => `import tensorflow as tf
from tensorflow import keras
(x, y), _ = keras.datasets.cifar10.load_data()
ds = ${pipeline}
model = keras.applications.ResNet50(weights=None, classes=10)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(ds, epochs=30)
`;

runRuleCases(tfdataNoPrefetch, [
  {
    name: 'batched without prefetch: the fix appends prefetch',
    code: script('tf.data.Dataset.from_tensor_slices((x, y)).shuffle(10000).batch(128)'),
    settings: { hardware: 'a100' },
    expect: [{ line: 4, messageIncludes: 'does not prefetch' }],
    fixes: [
      {
        applicability: 'safe',
        output: script(
          'tf.data.Dataset.from_tensor_slices((x, y)).shuffle(10000).batch(128).prefetch(tf.data.AUTOTUNE)',
        ),
      },
    ],
  },
  {
    name: 'prefetching already',
    code: script('tf.data.Dataset.from_tensor_slices((x, y)).batch(128).prefetch(tf.data.AUTOTUNE)'),
    settings: { hardware: 'a100' },
    expect: [],
  },
]);
