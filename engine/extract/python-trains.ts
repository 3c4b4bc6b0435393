// Does this Python file train a model? One judgement from code evidence any library shows, for files no framework
// reader claims (an RL agent's `learn`, a recommender's `model.fit(x, y, batch_size=…, epochs=…)`,
// `xgb.train(params, …)`, a solver's `train_step`, a loop over epochs calling a helper `train(...)`), so that such a
// file is read through the shared vocabulary, and a file that does not train (evaluation, inference, data
// preparation, model definitions, library modules that define a training step nobody calls here) yields no run.
//
// Evidence and weights (the threshold is TRAINS_AT points, at least one of them from code, in a file that runs
// something when executed — module-level code or a `__main__` guard; a module of definitions only is a library):
// - 2: a training call — `fit`/`train`/`learn`/`fine_tune` with training keyword arguments (`epochs=`, `batch_size=`,
//   `nb_epoch=`, `num_boost_round=`, …), on data (`fit(X, y)`, `train(params, dtrain)`), or `train()` on a trainer;
// - 2: a backward pass and an optimizer step in a loop (`loss.backward()`, `optimizer.step()`);
// - 1: a call of a training helper (`train_one_epoch(...)`, `update_parameters(...)`, `fit(x)`), or a call passing
//   two training settings (`NeuralNetClassifier(max_epochs=…, batch_size=…)`);
// - 1: a loop over epochs, episodes or training steps;
// - 1: the file's settings read as a training config through the vocabulary (a batch or run length and three
//   training settings: ../vocab-run `isTrainingReading`).
// `model.train()` / `model.train(False)` switch a module's mode and are not training calls.
import type { Node as SyntaxNode, Tree } from 'web-tree-sitter';
import { callSite, callsWithKeyword, type CallSite } from '../parse/python-syntax';
import { isBackwardCall } from './python-scan';
import { uncalledByMain } from './python-branch';
import { isAgentUpdate, isGradientCall, isGraphTrainRun, isUpdateCall, UPDATE_CALL_NAMES } from './python-update';

export const TRAINS_AT = 2;

/**
 * Keyword arguments that make a `fit`/`train`/`learn` call a training call (run length, batch, learning rate).
 * `epoch_counter`: SpeechBrain's `Brain.fit(epoch_counter, train_set, valid_set=None, …)`, which runs the training
 * loop (https://speechbrain.readthedocs.io/en/latest/API/speechbrain.core.html#speechbrain.core.Brain.fit).
 */
const TRAINING_KWARGS =
  /^(epochs|epoch_counter|nb_epoch|n_epochs|num_epochs|max_epochs|epoch|batch_size|mini_batch_size|num_boost_round|num_round|n_estimators|total_timesteps|max_steps|num_steps|steps_per_epoch|iterations|n_iter|max_iter|learning_rate|lr|train_steps|num_train_epochs)$/;
const TRAIN_METHODS = new Set(['fit', 'train', 'learn', 'fine_tune', 'finetune', 'fit_generator', 'train_model']);
const HELPERS =
  /^(train|fit|learn)_?(step|epoch|one_epoch|model|loop|batch|on_batch|iter|iteration|network|net|agent|epochs)$|^(update_parameters|update_model|optimi[sz]e_model|optimi[sz]e_step|training_step|run_training|do_train|train_and_evaluate|train_and_eval)$/;
/**
 * Receivers whose `fit`/`train` prepares data, not a model (scikit-learn transformers, tokenizer trainers, a faiss
 * index: `index.train(xb)` clusters vectors for an IVF index's quantizer, no gradient step; faiss wiki, "Faster search").
 */
const NOT_MODELS =
  /(scaler|encoder|lbe|mms|le|tokenizer|vectori[sz]er|imputer|pca|tfidf|normali[sz]er|kmeans|binarizer|selector|ohe|enc|transformer|featurizer|discretizer|sentencepiecetrainer|spm|bpe|wordpiece|index|indexer|quantizer)$/i;
/** Receivers whose zero-argument `train()` runs training rather than switching a module's mode. */
const TRAINERS = /(trainer|solver|runner|learner|exp|experiment|engine|trainloop|training_loop|algorithm|algo)$/i;
/** Loops over epochs, episodes or training steps. */
const LOOP_WORDS =
  /epoch|episode|max_iter|num_iter|total_steps|train_steps|num_steps|max_steps|timesteps|n_iter|t_max/i;
const STEP_RECEIVERS = /(optim|opt|optimizer|optimiser|scaler|trainer)\w*$/i;

export interface TrainingEvidence {
  /** Points from code (training calls, optimizer steps, loops), counted only where the code runs. */
  code: number;
  /** Human-readable reasons, for notes. */
  reasons: string[];
  /** Training calls, strongest first: their keyword arguments are the run's settings first of all. */
  calls: CallSite[];
  /** A backward pass and an optimizer step, the backward pass inside a loop of this file. */
  stepLoop: boolean;
  /** The gradient computation of that step (`tape.gradient`, `jax.grad`, `sess.run(train_op)`), when there is one. */
  update?: SyntaxNode;
  /** The loop's update is an RL agent's (`agent.update(batch)`): how it steps its optimizers is the agent's. */
  agent?: boolean;
  /** The file runs something when executed (module-level code or a `__main__` guard). */
  entry: boolean;
  /**
   * A module that runs nothing itself but holds a training loop: an update step (./python-update) inside a loop, or
   * beside a loop over epochs or steps (a GAN class's `train()`, a Flax `train_and_evaluate`). It is part of a run.
   */
  held: boolean;
}

const isMainGuard = (n: SyntaxNode) =>
  n.type === 'if_statement' && /__name__\s*==\s*['"]__main__['"]/.test(n.childForFieldName('condition')?.text ?? '');

/**
 * True when running the file does something: a `__main__` guard, or module-level code beyond imports, definitions
 * and assignments (a loop, a `with`, a call statement). A module of classes and functions only is a library.
 */
export function hasEntry(root: SyntaxNode): boolean {
  for (const n of root.namedChildren) {
    if (!n) continue;
    if (isMainGuard(n)) return true;
    if (['for_statement', 'while_statement', 'with_statement'].includes(n.type)) return true;
    // `try: import x / except ImportError: …` or `try: KEYS = tf.GraphKeys.X / except: …`: a guard, not code that runs.
    if (n.type === 'try_statement' && !isGuard(n)) return true;
    if (n.type === 'expression_statement' && n.namedChildren[0]?.type === 'call') return true;
    // `result = pipeline(...)`, `history = model.fit(...)` at module level: code that runs.
    if (n.type === 'expression_statement' && n.namedChildren[0]?.type === 'assignment') {
      const right = n.namedChildren[0].childForFieldName('right');
      if (right?.type === 'call' && /\b(fit|train|learn|fine_tune|main|run)\s*\(/.test(right.text)) return true;
    }
  }
  return false;
}

const DECLARATIONS = new Set([
  'import_statement',
  'import_from_statement',
  'pass_statement',
  'comment',
  'function_definition',
  'class_definition',
  'decorated_definition',
]);

/** A try statement whose blocks only import, define or assign. */
function isGuard(n: SyntaxNode): boolean {
  const blocks = n.namedChildren.flatMap((c) =>
    c?.type === 'block' ? [c] : (c?.namedChildren ?? []).filter((b) => b?.type === 'block'),
  );
  return blocks.every((b) =>
    (b?.namedChildren ?? []).every(
      (st) =>
        !st ||
        DECLARATIONS.has(st.type) ||
        (st.type === 'expression_statement' && ['assignment', 'string'].includes(st.namedChildren[0]?.type ?? '')),
    ),
  );
}

/** A module that builds an optimizer itself (not one handed in as a `train_op` parameter by its caller). Flax: `TrainState.create(tx=…)`. */
const BUILDS_OPTIMIZER =
  /\b\w*Optimizer\s*\(|\boptax\.[a-z_]+\s*\(|\boptim\.[A-Z]\w*\s*\(|\boptimizers\.[A-Z]\w*\s*\(|\b(Adam|AdamW|SGD|RMSprop)\s*\(|\bcreate_optimizer\w*\s*\(|\bTrainState\.create\s*\(/;

function inLoop(n: SyntaxNode): boolean {
  for (let p = n.parent; p; p = p.parent) {
    if (p.type === 'for_statement' || p.type === 'while_statement') return true;
    if (p.type === 'function_definition') return false;
  }
  return false;
}

/**
 * In a loop, and run on every iteration of it: no `if` with an interval (`if time_step % update_timestep == 0:`, a PPO
 * update after every N environment steps) between the call and the loop — such a loop's iterations are not updates.
 */
function everyIteration(n: SyntaxNode): boolean {
  for (let p = n.parent; p; p = p.parent) {
    if (p.type === 'for_statement' || p.type === 'while_statement') return true;
    if (p.type === 'function_definition') return false;
    if (
      (p.type === 'if_statement' || p.type === 'elif_clause') &&
      /%/.test(p.childForFieldName('condition')?.text ?? '')
    )
      return false;
  }
  return false;
}

const boolArg = (n: SyntaxNode) => ['true', 'false'].includes(n.type);

/** The weight of a call as training evidence (0: not training). */
function callWeight(c: CallSite, built: Set<string>): number {
  const receiver = c.callee.includes('.') ? c.callee.slice(0, c.callee.lastIndexOf('.')) : '';
  const last = receiver.split('.').pop() ?? '';
  if (TRAIN_METHODS.has(c.name)) {
    if (NOT_MODELS.test(last)) return 0;
    const kw = [...c.kwargs.keys()].some((k) => TRAINING_KWARGS.test(k));
    // `model.train()`, `model.train(False)`, `model.train(mode=True)`: a module's mode, not training.
    if (c.name === 'train' && !kw && (c.kwargs.has('mode') || (c.positional.length === 1 && boolArg(c.positional[0]))))
      return 0;
    if (kw) return 2;
    if (c.name === 'fit' && c.positional.length >= 2) return 2;
    if (c.name !== 'fit' && c.positional.length + c.kwargs.size >= 1) return receiver ? 2 : 1;
    // `gan = GAN(sess, epoch=…, batch_size=…)` … `gan.train()`: an object built with training settings is trained.
    if (c.positional.length + c.kwargs.size === 0) return TRAINERS.test(last) || built.has(receiver) ? 2 : 0;
    return 1;
  }
  // A helper is handed what it trains (`train_one_epoch(model, loader, …)`); submitit's
  // `executor.update_parameters(gpus_per_node=…)` takes keywords only.
  // `train_supervised(input=…, epoch=25)` (fastText), `fit_model(…, epochs=…)`: named for training, given its length.
  if (/^(train|fit)_\w+$/.test(c.name) && [...c.kwargs.keys()].some((k) => TRAINING_KWARGS.test(k))) return 2;
  if (HELPERS.test(c.name) && !NOT_MODELS.test(last) && c.positional.length > 0) return 1;
  // A model or trainer built with two training settings (`NeuralNetClassifier(max_epochs=…, batch_size=…)`).
  const settings = [...c.kwargs.keys()].filter((k) => TRAINING_KWARGS.test(k.split('__').pop() ?? k));
  return settings.length >= 2 ? 1 : 0;
}

/** Keyword names of TRAINING_KWARGS, for finding the calls that pass them from the text. */
const TRAINING_KWARG_NAMES = TRAINING_KWARGS.source.replace(/^\^\(|\)\$$/g, '').split('|');
const CALL_NAME = /\b([A-Za-z_]\w*)\s*\(/g;
const LOOP_LINE = /^[ \t]*(?:async[ \t]+)?(?:for|while)\b[^\n]*/gm;

const namedForTraining = (name: string) =>
  TRAIN_METHODS.has(name) ||
  HELPERS.test(name) ||
  /^(train|fit)_\w+$/.test(name) ||
  name === 'backward' ||
  name === 'manual_backward' ||
  /scaler$/i.test(name) ||
  name === 'step' ||
  UPDATE_CALL_NAMES.includes(name);

/**
 * Calls that may be evidence, found from the text first (a regex locates `name(` and the tree maps each hit to its
 * call node, as ../parse/python-syntax `findCalls` does): on a 2,000-line script this touches a few nodes, not all.
 */
function candidateCalls(root: SyntaxNode, text: string, withSettings: boolean): CallSite[] {
  const out = new Map<number, CallSite>();
  for (const m of text.matchAll(CALL_NAME)) {
    if (!namedForTraining(m[1])) continue;
    const paren = (m.index ?? 0) + m[0].length - 1;
    const tok = root.descendantForIndex(paren, paren + 1);
    const call = tok?.parent?.type === 'argument_list' ? tok.parent.parent : undefined;
    if (!call || call.type !== 'call' || out.has(call.id)) continue;
    const site = callSite(call);
    if (site) out.set(call.id, site);
  }
  if (withSettings)
    for (const c of callsWithKeyword(root, text, TRAINING_KWARG_NAMES)) if (!out.has(c.node.id)) out.set(c.node.id, c);
  return [...out.values()].sort((a, b) => a.node.startIndex - b.node.startIndex);
}

/** The first loop over epochs, episodes or training steps, found from its header line. */
function epochLoop(root: SyntaxNode, text: string): SyntaxNode | undefined {
  for (const m of text.matchAll(LOOP_LINE)) {
    if (!LOOP_WORDS.test(m[0])) continue;
    const at = (m.index ?? 0) + m[0].search(/\S/);
    let n: SyntaxNode | null = root.descendantForIndex(at, at + 1);
    while (n && n.type !== 'for_statement' && n.type !== 'while_statement') n = n.parent;
    if (!n || n.startIndex !== at) continue;
    const head =
      n.type === 'for_statement'
        ? `${n.childForFieldName('left')?.text ?? ''} ${n.childForFieldName('right')?.text ?? ''}`
        : (n.childForFieldName('condition')?.text ?? '');
    if (LOOP_WORDS.test(head)) return n;
  }
  return undefined;
}

/**
 * Names bound to an object built with training settings (`gan = GAN(sess, epoch=args.epoch, batch_size=…)`): their
 * zero-argument `train()` trains, where a module's `train()` only switches its mode.
 */
function builtWithSettings(root: SyntaxNode, text: string): Set<string> {
  const out = new Set<string>();
  if (!/\.train\(\s*\)/.test(text)) return out;
  for (const c of callsWithKeyword(root, text, TRAINING_KWARG_NAMES)) {
    const parent = c.node.parent;
    const left = parent?.type === 'assignment' ? parent.childForFieldName('left') : undefined;
    if (left && /^[\w.]+$/.test(left.text) && [...c.kwargs.keys()].some((k) => TRAINING_KWARGS.test(k)))
      out.add(left.text);
  }
  return out;
}

/** The evidence that a Python file trains a model. Reads the tree where the text points; never evaluates anything. */
export function trainingEvidence(tree: Tree, text: string): TrainingEvidence {
  const root = tree.rootNode;
  const entry = hasEntry(root);
  const calls: { c: CallSite; w: number }[] = [];
  const reasons: string[] = [];
  // The gradient a step computes and the update it applies, in any library (../python-update): PyTorch's backward
  // pass and optimizer step, a tape's or JAX's gradient and its applied update, a TF1 graph's training op run.
  let backward: SyntaxNode | undefined;
  let step: SyntaxNode | undefined;
  let graphRun: SyntaxNode | undefined;
  let agentRun: SyntaxNode | undefined;
  const built = entry ? builtWithSettings(root, text) : new Set<string>();
  const scan = (withSettings: boolean) => {
    calls.length = 0;
    for (const c of candidateCalls(root, text, withSettings)) {
      const w = entry ? callWeight(c, built) : 0;
      if (w > 0) calls.push({ c, w });
      // The engine's one reading of a backward pass (`loss.backward()`, `manual_backward`, timm's loss scaler, which
      // also steps the optimizer).
      if (isBackwardCall(c.node)) {
        backward ??= c.node;
        if (/scaler$/i.test(c.name)) step ??= c.node;
      }
      if (c.name === 'step' && STEP_RECEIVERS.test(c.callee.slice(0, -5))) step ??= c.node;
      if (isGradientCall(c)) backward ??= c.node;
      if (isUpdateCall(c)) step ??= c.node;
      // `optimizer.minimize(loss)` computes the gradient too.
      if (c.name === 'minimize' && isUpdateCall(c)) backward ??= c.node;
      if (!graphRun && isGraphTrainRun(c) && inLoop(c.node)) graphRun = c.node;
      if (!agentRun && isAgentUpdate(c) && everyIteration(c.node)) agentRun = c.node;
    }
    // An RL agent's update in a loop is the loop's whole update (its gradients and optimizer steps are the agent's).
    if (agentRun && !(backward && step)) {
      backward = agentRun;
      step = agentRun;
    }
    // A TF1 session running a training op in a loop is one whole update, the loop's.
    if (graphRun) {
      backward = graphRun;
      step ??= graphRun;
    }
  };
  scan(false);
  // Calls passing two training settings (a model built with them) are looked for only when they can still matter.
  if (entry && !calls.some((x) => x.w >= TRAINS_AT) && !(backward && step)) scan(true);
  let loop = epochLoop(root, text);
  // A step, a training call or an epoch loop in a module-level function the file never calls (ASTGCN's
  // `# train_main()` commented out in `__main__`): running the file does not reach it.
  if (entry) {
    const unreached = (n: SyntaxNode | undefined) => !!n && uncalledByMain(n, root);
    if (unreached(backward)) backward = step = undefined;
    if (unreached(loop)) loop = undefined;
    for (let i = calls.length - 1; i >= 0; i--) if (unreached(calls[i].c.node)) calls.splice(i, 1);
  }
  if (!entry) {
    // A module of definitions trains nothing by itself, unless it holds the training loop a script calls.
    // A library's generic `fit(sess, network, train_op, …)` runs whatever update its caller built: not a run of its own.
    const held = !!backward && !!step && (inLoop(backward) || !!loop) && BUILDS_OPTIMIZER.test(text);
    return {
      code: held ? 2 : 0,
      reasons: held ? ['a training step in a loop of this module'] : [],
      calls: [],
      stepLoop: held && inLoop(backward as SyntaxNode),
      update: backward,
      entry,
      held,
    };
  }
  calls.sort((a, b) => b.w - a.w);
  // Two training calls (a model built with training settings, then fitted) are more than one.
  let code = calls.length ? calls[0].w + (new Set(calls.map((x) => x.c.name)).size > 1 ? 1 : 0) : 0;
  if (calls.length) reasons.push(`${calls[0].c.callee}(…)`);
  const stepped = !!backward && !!step;
  const stepLoop = stepped && inLoop(backward as SyntaxNode);
  if (stepped) {
    code = Math.max(code, 2);
    reasons.push(
      agentRun && backward === agentRun
        ? "an agent's update in a loop"
        : 'a backward pass and an optimizer step in a loop',
    );
  }
  if (loop) {
    code += 1;
    reasons.push('a loop over epochs or training steps');
  }
  const agent = !!agentRun && backward === agentRun;
  return { code, reasons, calls: calls.map((x) => x.c), stepLoop, update: backward, entry, held: false, agent };
}

/** A test suite (pytest or unittest: `def test_…` / `class Test…` beside the import): it checks code, it trains nothing. */
export function isTestModule(text: string): boolean {
  return /^\s*(import|from)\s+(pytest|unittest)\b/m.test(text) && /^(def test_\w*|class Test\w*)/m.test(text);
}

/** The judgement: the file trains when its evidence reaches TRAINS_AT with code that runs, or holds the loop that does. */
export function trains(ev: TrainingEvidence, settingsReadAsTraining: boolean): boolean {
  return (ev.entry || ev.held) && ev.code >= 1 && ev.code + (settingsReadAsTraining ? 1 : 0) >= TRAINS_AT;
}

/** A config builder: `def get_config():` (ml_collections, absl `config_flags`), `get_train_config`, `*_config()`. */
const CONFIG_BUILDER = /^(get_\w*config\w*|\w+_config|config)$/;

/**
 * True when every module-level statement is an import, an assignment or a docstring: a settings module (nanoGPT's
 * config/*.py), read as a config given alone. Functions that build a config (`def get_config(): config =
 * ml_collections.ConfigDict(); config.actor_lr = 3e-4; return config`) are settings too.
 */
export function isSettingsModule(root: SyntaxNode): boolean {
  let builder = false;
  const all = root.namedChildren.every((n) => {
    if (!n || n.type === 'comment') return true;
    const def = n.type === 'decorated_definition' ? n.childForFieldName('definition') : n;
    if (def?.type === 'function_definition') {
      builder ||= CONFIG_BUILDER.test(def.childForFieldName('name')?.text ?? '');
      return true;
    }
    if (n.type === 'import_statement' || n.type === 'import_from_statement' || n.type === 'future_import_statement')
      return true;
    if (n.type !== 'expression_statement') return false;
    const e = n.namedChildren[0];
    return e?.type === 'string' || (e?.type === 'assignment' && e.childForFieldName('right')?.type !== 'lambda');
  });
  // Definitions alone are a settings module only when one of them builds a config (else: a library of helpers).
  const defs = root.namedChildren.some((n) => n?.type === 'function_definition' || n?.type === 'decorated_definition');
  return all && (!defs || builder);
}
