// Facts of training code that is not a language model (round 18): the batch of a Keras ImageDataGenerator flow that
// fit()/fit_generator() takes. Fixtures written for this project in the style of public training scripts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const py = async (text: string) => analyze({ 'train.py': text }, 'train.py');

const KERAS = (
  flow: string,
  gen = 'datagen = ImageDataGenerator(horizontal_flip=True)',
) => `from keras.preprocessing.image import ImageDataGenerator
from keras.callbacks import EarlyStopping
import numpy as np
from models import small_cnn

batch_size = 24
epochs = 80
x_train, y_train = np.load('x.npy'), np.load('y.npy')
model = small_cnn((48, 48, 1), 7)
model.compile(optimizer='adam', loss='categorical_crossentropy')
if augment:
    ${gen}
    model.fit_generator(${flow}, steps_per_epoch=len(x_train) // batch_size, epochs=epochs)
`;

test('Keras: the batch of an ImageDataGenerator flow given to fit_generator (keyword, positional, default)', async () => {
  const kw = await py(KERAS('datagen.flow(x_train, y_train, batch_size=batch_size)'));
  assert.deepEqual([fact(kw, 'micro_batch')?.value, fact(kw, 'epochs')?.value], [24, 80]);
  const pos = await py(KERAS('datagen.flow(x_train, y_train, batch_size)'));
  assert.equal(fact(pos, 'micro_batch')?.value, 24);
  const dflt = await py(KERAS('datagen.flow(x_train, y_train)'));
  assert.deepEqual([fact(dflt, 'micro_batch')?.value, fact(dflt, 'micro_batch')?.origin], [32, 'framework-default']);
});

test('must not report: a generator that is not an ImageDataGenerator flow keeps its batch unknown', async () => {
  const other = await py(KERAS('datagen.flow(x_train, y_train)', 'datagen = make_stream(x_train, shuffle=True)'));
  assert.equal(fact(other, 'micro_batch')?.value ?? null, null);
  const maker = await py(KERAS('batches(x_train, y_train)', 'pass'));
  assert.equal(fact(maker, 'micro_batch')?.value ?? null, null);
});
