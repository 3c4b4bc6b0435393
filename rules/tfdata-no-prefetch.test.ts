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

// A training pipeline, then a validation and a test one built after it (the layout of TensorFlow's own tutorials).
const trainThenEval = (fit: string) => `import tensorflow as tf
(x, y), (xt, yt) = tf.keras.datasets.cifar10.load_data()
dataset_train = tf.data.Dataset.from_tensor_slices((x[:45000], y[:45000]))
dataset_train = dataset_train.shuffle(45000).batch(64, drop_remainder=True)
dataset_valid = tf.data.Dataset.from_tensor_slices((x[45000:], y[45000:])).batch(64)
dataset_test = tf.data.Dataset.from_tensor_slices((xt, yt)).batch(64)
model = tf.keras.applications.ResNet50(weights=None, classes=10)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
${fit}
model.evaluate(dataset_test)
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
  {
    name: 'the training pipeline is reported, not the test pipeline built after it',
    code: trainThenEval('model.fit(dataset_train, validation_data=dataset_valid, epochs=30)'),
    settings: { hardware: 'a100' },
    expect: [{ line: 4, messageIncludes: 'does not prefetch' }],
    fixes: [
      {
        applicability: 'safe',
        outputIncludes: ['dataset_train.shuffle(45000).batch(64, drop_remainder=True).prefetch(tf.data.AUTOTUNE)'],
      },
    ],
  },
  {
    name: 'the pipeline fit() trains on wins over the order of the file',
    code: trainThenEval('model.fit(dataset_valid, epochs=30)'),
    settings: { hardware: 'a100' },
    expect: [{ line: 5 }],
    fixes: [{ applicability: 'safe', outputIncludes: ['.batch(64).prefetch(tf.data.AUTOTUNE)\ndataset_test'] }],
  },
  {
    name: 'only evaluation pipelines are batched (the training data goes to fit as arrays): not judged',
    code: `import tensorflow as tf
(x, y), (xt, yt) = tf.keras.datasets.cifar10.load_data()
test_ds = tf.data.Dataset.from_tensor_slices((xt, yt)).batch(256)
model = tf.keras.applications.ResNet50(weights=None, classes=10)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(x, y, batch_size=64, epochs=30)
model.evaluate(test_ds)
`,
    settings: { hardware: 'a100' },
    expect: [],
  },
]);
