// Lightning CLI YAML (`python main.py fit --config config.yaml`): the `trainer:` section holds Trainer arguments
// (precision, devices, max_epochs, callbacks with class_path/init_args), `data:` the batch size. Same schema and
// defaults as Python Trainer(...) in ./lightning.
import type { ConfigDoc } from './config-doc';
import { topFields } from './config-doc';
import { configRun } from './config-run';
import type { Fields } from './fields';
import { LIGHTNING_SCHEMA, lightningDefaults } from './lightning';
import type { RunDraft } from './run-draft';

export function extractLightningCli(doc: ConfigDoc): RunDraft {
  const fields: Fields = topFields(doc, ['trainer']);
  const paths = new Map<string, string[]>();
  for (const k of fields.keys()) paths.set(k, ['trainer', k]);
  // The DataModule's batch and loader workers (`data: {class_path: …, init_args: {batch_size: 32, num_workers: 8}}`).
  for (const key of ['batch_size', 'num_workers'])
    for (const path of [
      ['data', 'init_args', key],
      ['data', key],
    ]) {
      const f = doc.field(path, key);
      if (f && !fields.has(key)) {
        fields.set(key, f);
        paths.set(key, path);
      }
    }
  const callbacks = doc.length(['trainer', 'callbacks']);
  for (let i = 0; i < callbacks; i++) {
    const cls = doc.field(['trainer', 'callbacks', String(i), 'class_path']);
    const name = String(cls?.value ?? '');
    if (cls && /ModelCheckpoint$/.test(name)) {
      fields.set('checkpoint', { ...cls, name: 'checkpoint', value: true });
      for (const k of doc.keys(['trainer', 'callbacks', String(i), 'init_args'])) {
        const f = doc.field(['trainer', 'callbacks', String(i), 'init_args', k], `checkpoint.${k}`);
        if (f) fields.set(f.name, f);
      }
    } else if (cls && /EarlyStopping$/.test(name))
      fields.set('early_stopping', { ...cls, name: 'early_stopping', value: true });
  }
  return configRun({
    doc,
    framework: 'lightning',
    kind: 'lightning-cli',
    label: 'Lightning CLI config',
    schema: LIGHTNING_SCHEMA,
    fields,
    pathOf: (name) => paths.get(name) ?? (name.includes('.') ? undefined : ['trainer', name]),
    defaults: lightningDefaults,
    entryKey: ['trainer'],
  });
}
