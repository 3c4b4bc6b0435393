// GML601 for a Keras `fit(validation_data=…)` in a script whose model comes from a star import of a module of its
// project (`from model1_init import *`): the file imports no Keras itself, yet its fit evaluates a validation set every
// epoch and only a callback could stop it early. Reported on the fit() call, as for a script that imports Keras.
import { runRuleCases } from '../test/helpers/rule-harness';
import { unboundedTraining } from './unbounded-training';

const script = (callbacks: string, epochs = 100, extra = '') => `from model1_init import *
${extra}
model1.fit(
    x=train_windows,
    y=train_labels,
    epochs=${epochs},
    batch_size=128,
    validation_data=(test_windows, test_labels),
    callbacks=${callbacks},
)
`;

runRuleCases(unboundedTraining, [
  {
    name: 'a star-imported Keras model fit for 100 epochs on a validation set with only a checkpoint callback',
    code: script('[create_model_checkpoint(model_name=model1.name)]'),
    settings: { hardware: 'a100' },
    expect: [{ line: 3, messageIncludes: 'keras.callbacks.EarlyStopping' }],
  },
  {
    name: 'the same fit with an EarlyStopping callback is not flagged',
    code: script('[EarlyStopping(patience=10), create_model_checkpoint(model_name=model1.name)]'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'callbacks that cannot be read while the file builds an early stopper: not flagged',
    code: script('make_callbacks(stopper)', 100, 'stopper = EarlyStopping(patience=10)\n'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'a short fit (20 epochs) on a validation set is not flagged',
    code: script('[create_model_checkpoint(model_name=model1.name)]', 20),
    settings: { hardware: 'a100' },
    expect: [],
  },
]);
