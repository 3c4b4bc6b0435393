// A Keras script with one training function per model, of which running the file calls one: the other function's
// `fit` never runs (its call is commented out), so the run's findings sit on the fit the script runs, and the fit in
// the function never called is no site of its own (GML601, GML301, GML101 alike).
import { runRuleCases } from '../test/helpers/rule-harness';
import { unboundedTraining } from './unbounded-training';
import { noPeriodicCheckpoint } from './no-periodic-checkpoint';

const script = (calls: string) => `from tensorflow import keras
from models import small_net, big_net

def train_small():
    model = small_net()
    model.compile(loss="binary_crossentropy", optimizer="adam")
    model.fit(train_gen, epochs=60, validation_data=val_gen)

def train_big():
    model = big_net()
    model.compile(loss="binary_crossentropy", optimizer="sgd")
    model.fit(train_gen, epochs=80, validation_data=val_gen)

${calls}
`;

runRuleCases(unboundedTraining, [
  {
    name: 'only the fit of the function the script calls is reported; the one whose call is commented out is not',
    code: script('# train_small()\ntrain_big()'),
    settings: { hardware: 'a100' },
    expect: [{ line: 12, messageIncludes: '80 epochs' }],
  },
  {
    name: 'both functions called: each validating fit is reported',
    code: script('train_small()\ntrain_big()'),
    settings: { hardware: 'a100' },
    expect: [
      { line: 7, messageIncludes: '60 epochs' },
      { line: 12, messageIncludes: '80 epochs' },
    ],
  },
  {
    name: 'a module of definitions only (nothing runs at module level): its fits are still read, as another file may call them',
    code: script(''),
    settings: { hardware: 'a100' },
    expect: [
      { line: 7, messageIncludes: '60 epochs' },
      { line: 12, messageIncludes: '80 epochs' },
    ],
  },
  {
    name: 'the called function fits with EarlyStopping: nothing is reported, although the uncalled one has none',
    code: script('# train_small()\ntrain_big()').replace(
      'model.fit(train_gen, epochs=80, validation_data=val_gen)',
      'model.fit(train_gen, epochs=80, validation_data=val_gen, callbacks=[keras.callbacks.EarlyStopping(patience=5)])',
    ),
    settings: { hardware: 'a100' },
    expect: [],
  },
]);

runRuleCases(noPeriodicCheckpoint, [
  {
    name: 'no checkpoint: reported on the fit the script runs, not on the fit of the function never called',
    code: script('# train_small()\ntrain_big()'),
    settings: { hardware: 'a100', model: 'resnet50', datasetSize: 1_000_000 },
    expect: [{ line: 12 }],
  },
]);
