// Linking: the files of one run — a script, the configs it names (`--deepspeed ds.json`, `parse_yaml_file(…)`,
// `--config_file`), the launcher that starts it (a .sh in the same or parent folder naming it), version pins — merged
// into one run plan in the real override order: launcher flag > config file > script explicit > script default >
// (setting, added later) > framework default > assumed; with each framework's own rule for
// ACCELERATE_MIXED_PRECISION. All file I/O of the engine goes through one injectable `FileReader`: size-capped,
// read-only, nothing executed, no network. Tests pass an in-memory reader.
//
// Code map: link/reader.ts (FileReader, disk and memory readers), link/linker.ts (finding the files of a run),
// link/merge.ts (override order), link/tree-cache.ts (related scripts parsed once per content).

import * as path from 'node:path';
import { configDoc } from './extract/config-doc';
import { accelerateRun } from './extract/accelerate-config';
import { deepspeedRun } from './extract/deepspeed';
import { extractHfArgsFile } from './extract/hf-args-file';
import { HF_FIELDS } from './extract/hf-fields';
import { RunDraft } from './extract/run-draft';
import { extractTfjs } from './extract/tfjs';
import { imageJobRuns } from './extract/kubernetes';
import { LinkInput, LinkResult, Linker } from './link/linker';
import { LinkShare } from './link/link-share';
import { commandsOf, primaryRun } from './link/merge';
import { linkKind } from './link/reader';
import { submititRuns } from './link/submitit';
import { withConfigLauncherHardware, withRepoLauncherDevices } from './link/repo-launchers';
import { withImportedModules } from './link/imports';
import { withEntryRepoModel } from './link/repo-model';
import { withEntryRepoOptimizer } from './link/repo-optimizer';
import { withEntryRepoWorkers } from './link/repo-loader-workers';
import { withFittedModule } from './link/fitted-module';
import { withFittedLoader } from './link/fitted-loader';
import { withImportedLength } from './link/imported-constants';
import { withHydraLength } from './link/hydra-length';
import { withHydraTrainer } from './link/hydra-trainer';
import { entrySets, launchedScriptDrafts, vocabDrafts } from './link/vocab';
import { fillFromVocabulary, fillUnread, readSets, severalValues } from './extract/vocab-run';
import { withSingleDevice } from './link/single-device';
import { withUpdateAccumulation } from './link/update-accum';
import { withNoSaveInRun } from './link/run-saves';
import { withReadingScript } from './link/config-readers';
import { withModelClassOptimizer, withTargetClassOptimizer } from './link/model-optimizer';
import { withGinOptimizer } from './link/gin-optimizer';
import { withDetectron2Optimizer } from './link/detectron2-optimizer';
import { withDefaultConfig } from './link/script-config';
import { withProjectConfigLength } from './link/project-config-length';
import { withRepoDefaults } from './link/repo-defaults';
import { withRepoAccumulation } from './link/repo-accumulation';
import { withCodeLibrary } from './link/code-library';
import { pythonLauncherDrafts } from './link/python-launcher';
import { namingLauncherRuns } from './link/naming-launchers';
import { calledWhenRun } from './link/uncalled-loop';
import { nanogptUsers } from './link/nanogpt-users';
import { importerRuns } from './link/importer-runs';
import { withImporterRun } from './link/entryless-module';

export type { LinkInput, LinkResult } from './link/linker';
export {
  MAX_RELATED_BYTES,
  diskReader,
  linkKind,
  memoryReader,
  pythonShebang,
  shellByText,
  type FileReader,
  type LinkKind,
} from './link/reader';

/**
 * Every run the file takes part in, merged with the files linked to it. Never throws on user text. A script or config
 * keeps its own values (`greenml plan FILE`, the CodeLens): a launcher beside it gives them to none of its runs. The
 * runs those launchers start are added after them, marked `launchedBy` (the file's launched runs, which the rules
 * judge: ../server/review/analyze.ts); a launcher analysed itself gives its values to the runs it starts.
 */
export function linkFile(input: LinkInput): LinkResult {
  // The launched link below reads the same files: what does not depend on the launchers is read once (./link/link-share).
  input = { ...input, share: input.share ?? new LinkShare() };
  const linker = new Linker(input);
  let drafts = linkDrafts(linker, input);
  // A module with no run of its own (a data or tokeniser module): the run of the training script that imports it.
  if (drafts.length === 0 && linkKind(input.file, input.text) === 'python')
    drafts.push(...importerRuns(linker, input, linkFile));
  // A module with no entry whose loop a script of its repository runs: part of that script's run (./link/entryless-module).
  else if (!input.launched && linkKind(input.file, input.text) === 'python')
    drafts = withImporterRun(linker, input, drafts, linkFile);
  const result = { drafts, messages: linker.messages, sources: linker.sources, dispose: () => linker.dispose() };
  const aside = [...linker.launchersAside];
  if (input.launched || aside.length === 0 || startsRuns(input)) return result;
  const asLaunched = new Linker({ ...input, launched: true });
  const launched = linkDrafts(asLaunched, input);
  // Launchers that give the runs nothing the file does not state itself: no launched runs.
  const own = new Set(drafts.map(sameRun));
  if (launched.every((d) => own.has(sameRun(d)))) return result;
  for (const [f, t] of asLaunched.sources) if (!linker.sources.has(f)) linker.sources.set(f, t);
  // A file that is no run alone (an argparse-only entry script, Megatron's pretrain_gpt.py): the runs its launchers
  // give it are its runs, as before.
  if (drafts.length === 0) return { ...result, drafts: launched };
  const by = aside.map((f) => path.basename(f)).join(', ');
  for (const d of launched) {
    const plan = {
      ...d.plan,
      launchedBy: aside,
      entry: { ...d.plan.entry, label: `${d.plan.entry.label} — as ${by} launches it` },
    };
    drafts.push({ ...d, plan });
  }
  return result;
}

/** A run's entry, fact values and where each is written, to tell a launched run from the file's own. */
const sameRun = (d: RunDraft) =>
  JSON.stringify([
    d.plan.entry.file,
    d.plan.entry.span.start,
    d.plan.files,
    ...[...d.plan.facts].map(([k, f]) => [k, f.value, f.file, f.span?.start]),
  ]);

/** A launcher analysed itself (a shell script, a SkyPilot/dstack/Kubernetes task): its runs are the ones it starts. */
function startsRuns(input: LinkInput): boolean {
  const kind = linkKind(input.file, input.text);
  return kind === 'shell' || (kind === 'config' && commandsOf(input.file, input.text).length > 0);
}

/** The runs of the file, linked by `linker` (its own values, or as launched). */
function linkDrafts(linker: Linker, input: LinkInput): RunDraft[] {
  const { file, text } = input;
  let drafts: RunDraft[] = [];
  try {
    const kind = linkKind(file, text);
    if (kind === 'python') {
      const tree = input.tree;
      const id = linker.id(file);
      drafts = linker
        .pythonRuns(file, text)
        .filter((d) => calledWhenRun(d, id, tree))
        .map((d) => linker.enrich(d));
      // What a loop reader could not follow (`batch_size=batch_size`), from the file's own settings.
      for (const d of drafts)
        if (d.plan.entry.file === id && (d.kind === 'torch' || d.kind === 'accelerate') && unread(d))
          fillUnread(d, entrySets(linker, file, text, input.tree).sets);
      // A Hydra script (`@hydra.main`) trains what its primary config composes.
      if (drafts.length === 0) drafts = linker.hydraFromScript(file, text);
      // A Python file with no run of its own may be a config a launcher passes to a script (nanoGPT's config/*.py).
      if (drafts.length === 0 && /^\s*\w+\s*=/m.test(text)) drafts = linker.usersOf(file, true);
      // No launcher names it: `python train.py config/x.py` as nanoGPT's README says, with train.py one folder up.
      if (drafts.length === 0 && /^\s*\w+\s*=/m.test(text)) drafts = nanogptUsers(linker, file, text);
      // Any other config (mmengine, detectron2 LazyConfig/yacs, ml_collections) or script (Ultralytics): the vocabulary.
      // With what the training script of its project that reads it fixes (./link/config-readers); never a run of its own.
      if (drafts.length === 0) {
        drafts = vocabDrafts(linker, file, text, input.tree);
        if (drafts.length) drafts = withReadingScript(linker, file, text, drafts);
        if (drafts.length) drafts = withDetectron2Optimizer(linker, file, text, drafts);
      }
      // An argparse-only entry script (Megatron-LM's pretrain_gpt.py): the run its launcher beside it gives it.
      if (drafts.length === 0) {
        drafts = launchedScriptDrafts(linker, file, text);
        // A Python launcher (`os.system("python train.py …")`, `subprocess.run([...])`): the runs its commands start.
        if (drafts.length === 0) drafts = pythonLauncherDrafts(linker, file, text, input.tree);
      } else drafts = fillScriptFacts(linker, drafts, file, text, input);
      // The config the script reads when run without arguments (`--config` default, `OmegaConf.load("…")`).
      const ownRuns = drafts.length > 0;
      drafts = withDefaultConfig(linker, file, text, input.tree, drafts);
      // The local modules it calls: the trainer, the engine's train_one_epoch, the data module (./link/imports).
      drafts = withImportedModules(linker, file, text, input.tree, drafts);
      // A script whose run is its modules' (the loop in trainer.py) reads its own loop's length from its default config.
      if (!ownRuns) drafts = withDefaultConfig(linker, file, text, input.tree, drafts, ['epochs', 'max_steps']);
      // A run length the script takes from a config module it imports (`from conf import *`, `C.epochs`).
      withImportedLength(linker, file, text, input.tree, drafts);
      // A Hydra script's loop bound read from its primary config (`range(cfg.epochs)`).
      withHydraLength(linker, file, text, input.tree, drafts);
      // A Hydra script's Lightning Trainer built from a config section (`Trainer(**cfg.trainer)`).
      withHydraTrainer(linker, file, text, input.tree, drafts);
      // A bound read from a config the command line chooses, where every config of the repository is a placeholder.
      withProjectConfigLength(linker, file, input.tree, drafts);
      // Devices the script states or its code implies (`multi_gpu_model(gpus=2)`, one "cuda" device), where nothing read
      // so far states them — not for a module whose run is set up elsewhere (./extract/step-module).
      if (tree) withSingleDevice(linker, file, text, tree, drafts);
      // One optimizer step per update where the step is in a module the run calls (an RL agent's `update`).
      withUpdateAccumulation(linker, file, drafts);
      // No checkpoint where the repository code that trains never saves (./link/run-saves).
      withNoSaveInRun(linker, file, text, drafts);
      // The count the repository's launchers that run this script agree on (./link/repo-launchers).
      drafts = withRepoLauncherDevices(linker, file, drafts);
      // A Python config's runs (nanoGPT's config/*.py, a vocabulary config): the GPU the launchers that run them name.
      if (drafts.some((d) => d.plan.entry.file !== id)) drafts = withConfigLauncherHardware(linker, file, drafts);
      // submitit: a launcher's run is its trainer's with the devices it requests; a trainer takes a launcher's devices.
      drafts = submititRuns(linker, file, text, input.tree, drafts);
    } else if (kind === 'shell') {
      drafts = linker.launcherRuns(file, text);
      // A launcher whose script is not here (Megatron-LM's pretrain_gpt.py): its flags through the vocabulary, with the
      // launcher's devices over them; else what the launcher alone says (./extract/launcher-run).
      if (drafts.every((d) => d.kind === 'launcher')) {
        const vocab = vocabDrafts(linker, file, text);
        const script = /^\S+ (\S+) \(script not found/.exec(drafts[0]?.plan.entry.label ?? '')?.[1];
        const missing = script && ` (script ${script} not found: read from the launcher only)`;
        if (vocab.length)
          drafts = vocab.map((d) =>
            missing
              ? { ...d, plan: { ...d.plan, entry: { ...d.plan.entry, label: d.plan.entry.label + missing } } }
              : d,
          );
      }
    } else if (kind === 'javascript') {
      const r = extractTfjs(file, text);
      drafts = r.drafts;
      linker.messages.push(...r.messages);
    } else if (kind === 'config') {
      const c = linker.config(file);
      // GPT-NeoX configs carry DeepSpeed sections but are runs of their own.
      const neox = c?.format === 'deepspeed' && readSets(entrySets(linker, file, text).sets).fw?.id === 'gpt-neox';
      if (c && !neox) {
        if (c.doc.errors.length)
          linker.messages.push(`${c.doc.errors[0]} — values read from the valid part of this ${c.format} config`);
        let own = primaryRun(c.doc, c.format);
        let shared = false;
        // NeMo configs look like Lightning CLI ones (trainer:), but their model: section sets the batch, the parallel
        // degrees and the length, and exp_manager the checkpoints: the vocabulary's NeMo run, else Lightning's filled.
        if (own && c.format === 'lightning-cli') {
          const { sets } = entrySets(linker, file, text);
          if (readSets(sets).fw?.id === 'nemo') {
            const nemo = vocabDrafts(linker, file, text);
            own = nemo.length === 1 ? nemo[0] : fillFromVocabulary(own, sets);
            // Other Lightning CLI configs: what the reader leaves out (data: workers, image size) from the vocabulary.
          } else own = fillFromVocabulary(own, sets);
        }
        if (c.format === 'hydra') {
          // What the `_target_` reader leaves out (the loader's batch and workers, the optimizer, the model) from the
          // vocabulary's reading of the file, as for Lightning CLI configs.
          // A loader setting the composed config writes more than once with other values (two DataModules, each with
          // its workers): which loader trains is the `_target_` reader's call, and where it made none, none is filled.
          const { sets } = entrySets(linker, file, text);
          drafts = linker.hydraRuns(file).map((d) => fillFromVocabulary(d, sets, severalValues(sets)));
        } else if (['skypilot', 'dstack', 'kubernetes', 'azureml', 'mosaicml'].includes(c.format)) {
          drafts = linker.launcherRuns(file, text);
          // A training-operator job whose image runs the training: what the job requests.
          if (drafts.length === 0 && c.format === 'kubernetes') drafts = imageJobRuns(linker.id(file), text);
        } else if (own) drafts = [linker.enrich(own)];
        // An accelerate or DeepSpeed (or FSDP) config: the run of the one script or launcher that uses it; shared by
        // several (or used by none in reach), it is launcher-agnostic, so its plan is what it states, never the batch,
        // length or model of one of the runs that use it.
        else if (c.format === 'accelerate' || c.format === 'deepspeed') {
          const users = new Set<string>();
          drafts = linker.usersOf(file, false, users);
          if (users.size > 1 || drafts.length === 0) {
            drafts = [c.format === 'accelerate' ? accelerateRun(c.doc) : deepspeedRun(c.doc)];
            shared = true;
          }
        } else {
          drafts = linker.usersOf(file);
          if (drafts.length === 0 && c.format === 'hf-args') drafts = [linker.enrich(extractHfArgsFile(c.doc))];
        }
        // A Hydra/OmegaConf file no script or `_target_` Trainer claims (NeMo's configs): the vocabulary's run.
        const declined = c.format === 'hydra' && linker.hydraDeclined.has(linker.id(file));
        if (drafts.length === 0 && c.format === 'hydra' && !declined) drafts = vocabDrafts(linker, file, text);
        if (!shared && !declined) drafts = withReadingScript(linker, file, text, drafts);
      } else if (
        configDoc(file, text)
          ?.keys()
          .some((k) => HF_FIELDS.has(k))
      ) {
        // A file of TrainingArguments fields without the HF-args signature: unpacked by a script (`**yaml.safe_load`)?
        drafts = linker.usersOf(file).filter((d) => d.kind === 'hf');
        if (drafts.length === 0) drafts = withReadingScript(linker, file, text, vocabDrafts(linker, file, text));
      } else if ((drafts = withReadingScript(linker, file, text, vocabDrafts(linker, file, text))).length > 0) {
        // A config of a framework without a reader (torchtitan, OLMo, LitGPT, detectron2, T5X gin…), or given alone,
        // with what the script that reads it fixes (./link/config-readers).
      } else if (
        /\.(ya?ml|jsonc?)$/i.test(file) &&
        text.trim() &&
        !configDoc(file, text) &&
        /^\s*[{\w"'-]/.test(text) &&
        /(train|deepspeed|accelerate|axolotl|torchtune|lightning)/i.test(file)
      ) {
        linker.messages.push('this config could not be read as a YAML/JSON mapping');
      }
      // A config no reader makes a run of, passed by a launcher beside it to a training script: that run.
      if (drafts.length === 0) drafts = namingLauncherRuns(linker, file, text);
      // A LightningModule the config instantiates (`model.target`, `model.class_path`): its configure_optimizers().
      const doc = drafts.length ? (c?.doc ?? configDoc(file, text)) : undefined;
      if (doc) drafts = withModelClassOptimizer(linker, file, doc, drafts);
      // A gin file's optimizer bindings (`Agent.optimizer = @tf.train.AdamOptimizer()`).
      if (/\.gin$/i.test(file)) drafts = withGinOptimizer(linker, file, text, drafts);
      // A detectron2 config: SGD unless the project's Trainer overrides build_optimizer (./link/detectron2-optimizer).
      drafts = withDetectron2Optimizer(linker, file, text, drafts);
      // The GPU named by the launchers that pass this config or run its script (./link/repo-launchers).
      if (drafts.length) drafts = withConfigLauncherHardware(linker, file, drafts);
    }
    // The optimizer an entry script leaves to the helpers or model class it imports and calls (nanoGPT's
    // `model.configure_optimizers(…)`, a re-exported `make_optimizer`): ./link/repo-optimizer.
    if (kind === 'python' || kind === 'shell') drafts = withEntryRepoOptimizer(linker, drafts);
    // The loader workers a Lightning or JAX entry script leaves to a helper it calls: ./link/repo-loader-workers.
    if (kind === 'python' || kind === 'shell') drafts = withEntryRepoWorkers(linker, drafts);
    // The model it leaves to a trainer class or training function it imports and calls: ./link/repo-model.
    if (kind === 'python' || kind === 'shell') drafts = withEntryRepoModel(linker, drafts);
    // A Lightning script fitting a LightningModule of its project: the module's validation (./link/fitted-module).
    if (kind === 'python') drafts = withFittedModule(linker, drafts);
    // …and the batch and workers of its train_dataloader() (./link/fitted-loader).
    if (kind === 'python') drafts = withFittedLoader(linker, drafts);
    // A Hydra-composed LightningModule (`_target_: pkg.Module`): its configure_optimizers() (./link/model-optimizer).
    if (kind !== 'javascript') drafts = withTargetClassOptimizer(linker, drafts);
    // What a repository that never asks for more fixes: fp32, one device (./link/repo-defaults).
    if (kind !== 'javascript') drafts = withRepoDefaults(linker, file, drafts);
    // One optimizer step per batch where nothing in the repository accumulates (./link/repo-accumulation).
    if (kind !== 'javascript') drafts = withRepoAccumulation(linker, file, drafts);
    // The framework a user names for a run read through the vocabulary: its code's library (./link/code-library).
    if (kind !== 'javascript') drafts = withCodeLibrary(linker, file, drafts);
  } catch (e) {
    linker.messages.push(`linking ${path.basename(file)} failed: ${(e as Error).message}`);
  }
  return drafts;
}

/** Scripts of a framework the vocabulary knows (Ultralytics, timm, diffusers): settings the script reader left out. */
function fillScriptFacts(linker: Linker, drafts: RunDraft[], file: string, text: string, input: LinkInput): RunDraft[] {
  if (!/\b(ultralytics|timm|diffusers)\b/.test(text)) return drafts;
  const { sets } = entrySets(linker, file, text, input.tree);
  const fw = readSets(sets).fw;
  if (!fw || !['ultralytics', 'timm', 'diffusers'].includes(fw.id)) return drafts;
  return drafts.map((d) => (d.plan.entry.file === file ? fillFromVocabulary(d, sets) : d));
}

/** A loop run whose batch or length is written as an expression the loop reader could not follow. */
const unread = (d: RunDraft) =>
  ['micro_batch', 'epochs', 'max_steps'].some((k) => d.plan.facts.get(k as never)?.value === null);
