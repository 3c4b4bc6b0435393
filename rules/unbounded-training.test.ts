import { runRuleCases } from '../test/helpers/rule-harness';
import { unboundedTraining } from './unbounded-training';

const keras = (fit: string, extra = '') => `from tensorflow import keras
model = keras.Sequential([keras.layers.Dense(256, activation="relu"), keras.layers.Dense(10)])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
${extra}model.fit(x_train, y_train, batch_size=64, ${fit})
`;

runRuleCases(unboundedTraining, [
  {
    name: '200 Keras epochs with a validation split and no early stopping',
    code: keras('epochs=200, validation_split=0.1'),
    settings: { hardware: 'a100' },
    expect: [{ line: 4, column: 44, endColumn: 54, messageIncludes: 'EarlyStopping' }],
    fixes: [{ applicability: 'display-only' }],
  },
  {
    name: 'with EarlyStopping',
    code: keras('epochs=200, validation_split=0.1, callbacks=[es]', 'es = keras.callbacks.EarlyStopping(patience=5)\n'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  { name: 'no validation set', code: keras('epochs=200'), settings: { hardware: 'a100' }, expect: [] },
  { name: 'few epochs', code: keras('epochs=10, validation_split=0.1'), settings: { hardware: 'a100' }, expect: [] },
  {
    name: 'HF: 20 epochs evaluated each epoch, no EarlyStoppingCallback',
    code: `from transformers import Trainer, TrainingArguments\nargs = TrainingArguments(output_dir="o", bf16=True, num_train_epochs=20, eval_strategy="epoch")\nTrainer(model="roberta-base", args=args).train()\n`,
    settings: { hardware: 'a100' },
    expect: [{ line: 2, messageIncludes: 'EarlyStoppingCallback' }],
  },
]);
