// The model a Python training script builds, read as an engineer reads it: the object the optimizer trains
// (`AdamW(generator.parameters())`), else the one wrapped for data parallelism (`DistributedDataParallel(model)`), else
// the variable `model`; then what that object is assigned from — a class constructed by the script
// (`model = AFNO(...)`, `BigVGAN(h).to(device)`), a name looked up in a registry (`models_mae.__dict__[args.model]()`,
// `getattr(models, args.arch)()`, `create_model(args.model)`), or a checkpoint (`model_cls.from_pretrained(args.model)`,
// `LlamaForCausalLM(LlamaConfig.from_pretrained("huggyllama/llama-7b"))`). Names are resolved by ./python-values
// (argparse and dataclass defaults, constants; the `dest` it returns lets a launcher's flag replace the default) and
// judged by ./model-name (`hf_causal_lm`, `Net`, a LightningModule are no model names). Several assignments that
// disagree give no model: precision before recall.
import type { SyntaxNode } from '../parse/python';
import { spanOf } from '../parse/python-syntax';
import type { Fact } from '../types';
import { lookupArchitecture } from '../../core/data/vision-audio';
import { lookupModel } from '../../core/index';
import { modelName, sizeFromName } from './model-name';
import type { Resolved, ValueResolver } from './python-values';
import { calleeOf, calleeTexts, nodesOfType } from '../parse/nodes-of-type';
import { moduleFunction, projectClass, returnedValues } from './model-factory';
import { guardsOf, takesBranch } from './model-branch';

/** Optimizer constructors (any library): their first argument holds the trained parameters. */
const OPTIMIZER_CALL =
  /(?:^|\.)(Adam\w*|SGD\w*|Lion\w*|LAMB|Lamb|RMSprop|Adagrad|Adadelta|Adafactor|Fused\w+|NAdam|RAdam|Muon|Shampoo|Sophia\w*|LARS|Prodigy|AdamW8bit|PagedAdamW\w*)$/;
const PARALLEL_CALL = /(?:^|\.)(DistributedDataParallel|DataParallel|DDP|FSDP|FullyShardedDataParallel)$/;
/** Methods that return the same module (`.to(device)`, `.cuda()`, `.train()`). */
const SAME_MODULE = /^(to|cuda|cpu|float|half|bfloat16|double|train|requires_grad_|to_empty|apply)$/;
/** Constructors that are no model of their own: containers, layers, wrappers, compilers. */
const NOT_A_MODEL =
  /^(Sequential|ModuleList|ModuleDict|Linear|Conv\d?d?|Embedding|Identity|LayerNorm|Module|Parameter|DistributedDataParallel|DataParallel|DDP|FSDP|FullyShardedDataParallel|EMA|ModelEma\w*|ExponentialMovingAverage|AveragedModel|SyncBatchNorm|Net|Model|Network|Classifier|Generator|Discriminator|Trainer|YOLO|Accelerator|Path|Tensor|Namespace|AttrDict|Config\w*|\w+Config|\w+Args|\w+Arguments|\w+Tokenizer\w*|\w+Processor|\w+Dataset|\w+Loader)$/;
const NOT_A_LOADER = /Tokenizer|Processor|Config|FeatureExtractor|Dataset|Scheduler|Pipeline/;

/**
 * The `model` fact of the object the script trains, or undefined. `only`: the names to read, in place of those the
 * script's optimizer, parallel wrapper and `model` give (../link/repo-model: the object a script hands the training
 * function it imports).
 */
export function builtModelFact(
  file: string,
  root: SyntaxNode,
  values: ValueResolver,
  only?: readonly string[],
): Fact | undefined {
  const calls = nodesOfType(root, 'call');
  const names: string[] = [...(only ?? [])];
  const add = (n: string | undefined) => {
    if (n && !names.includes(n)) names.push(n);
  };
  // The callee first: a long file holds thousands of calls, few of them optimizers or parallel wrappers.
  const firstArg = (c: SyntaxNode) =>
    c.childForFieldName('arguments')?.namedChildren.find((a) => a?.type !== 'comment') ?? undefined;
  calleeTexts(root);
  const callees = only ? [] : calls.map(calleeOf);
  calls.forEach((c, i) => {
    const first = OPTIMIZER_CALL.test(callees[i]) ? firstArg(c) : undefined;
    if (first) add(parametersOf(first));
  });
  calls.forEach((c, i) => {
    const first = PARALLEL_CALL.test(callees[i]) ? firstArg(c) : undefined;
    if (first?.type === 'identifier' || /^self\.\w+$/.test(first?.text ?? '')) add(first?.text);
  });
  // TensorFlow 1: the object whose loss the optimizer minimises (`optimizer.compute_gradients(cnn.loss)`,
  // `tf.train.AdamOptimizer(lr).minimize(model.loss)`).
  calls.forEach((c, i) => {
    const first = /\.(minimize|compute_gradients)$/.test(callees[i]) ? firstArg(c) : undefined;
    const m = first && /^((?:self\.)?[A-Za-z_]\w*)\.\w*(loss|cost)\w*$/.exec(first.text);
    if (m && m[1] !== 'self') add(m[1]);
  });
  if (!only) add('model');
  // A trainer class's own attribute (`self.model = gwnet(...)` in its `__init__`).
  if (!only) add('self.model');
  const assignments = nodesOfType(root, 'assignment');
  // Tested on the source at each assignment's start: reading each one's text asks the parser for its end.
  const source = root.text;
  const starts = (a: SyntaxNode, name: string) => source.startsWith(name, a.startIndex - root.startIndex);
  for (const name of names) {
    const own = assignments.filter((a) => starts(a, name) && assigns(a, name));
    // `if args.model == "resnet18": model = ResNet18() elif …`: the branch the option's value takes names the model.
    const chosen = chosenBranch(own, assignments, values);
    if (chosen === null) return undefined;
    if (chosen) return modelFact(file, name, chosen);
    const found = own
      .map((a) => builtBy(a.childForFieldName('right'), assignments, values, name))
      .filter((x): x is Built => !!x);
    if (found.length === 0) continue;
    if (new Set(found.map((f) => f.value)).size > 1) return undefined;
    return modelFact(file, name, found[0]);
  }
  return undefined;
}

/**
 * Whether assignment `a` binds `name`: `model = …`, or the first target of a tuple (`model, tokenizer =
 * FastLanguageModel.from_pretrained(…)`, Unsloth; `model, criterion, postprocessors = build_model(args)`, DETR), the
 * loaders' and factories' order, model first.
 */
function assigns(a: SyntaxNode, name: string): boolean {
  const left = a.childForFieldName('left');
  if (left?.text === name) return true;
  return (
    (left?.type === 'pattern_list' || left?.type === 'tuple_pattern') &&
    left.namedChildren.length > 1 &&
    left.namedChildren[0]?.text === name
  );
}

interface Built {
  value: string;
  node: SyntaxNode;
  how: string;
  scriptDefault?: boolean;
  form?: 'own-class';
}

const modelFact = (file: string, name: string, b: Built): Fact => ({
  key: 'model',
  value: b.value,
  origin: b.scriptDefault ? 'script-default' : 'explicit',
  file,
  span: spanOf(b.node),
  note: `${name} = ${b.how}`,
  ...(b.form ? { form: b.form } : {}),
});

/** An option that names the model (`args.model`, `model_str`, `FLAGS.arch`, `cfg.backbone`), not the data or the task. */
const MODEL_OPTION =
  /(?:^|[._[\]'"])(model|arch|architecture|net|network|backbone|encoder)(?:_?(name|str|type|arch))?['"\]]*$/i;

/**
 * Assignments of the model in branches chosen by one option (`if args.model == "resnet18": … elif args.model ==
 * "wideresnet": …`, `model_str == 'gcn_ae'`): the option's value is the model when it is known and one branch takes
 * it — the name the script offers for that model. null: the branches choose, but not from a value read here.
 */
function chosenBranch(
  own: readonly SyntaxNode[],
  assignments: readonly SyntaxNode[],
  values: ValueResolver,
): Built | null | undefined {
  // The selector with the most branches among the model's assignments (two at least).
  const bySel = new Map<string, { sel: SyntaxNode; lits: Set<string> }>();
  for (const a of own)
    for (const g of guardsOf(a).filter((x) => MODEL_OPTION.test(x.sel.text))) {
      const e = bySel.get(g.sel.text) ?? { sel: g.sel, lits: new Set<string>() };
      e.lits.add(`${g.prefix ? '^' : '='}${g.lit}`);
      bySel.set(g.sel.text, e);
    }
  const best = [...bySel.values()].sort((a, b) => b.lits.size - a.lits.size)[0];
  if (!best || best.lits.size < 2) return undefined;
  const r: Resolved = values.resolve(best.sel);
  const v = typeof r.value === 'string' && takesBranch(best.lits, r.value) ? modelName(r.value) : undefined;
  if (!v) return sameInEveryBranch(own, best.sel.text, assignments, values);
  return {
    value: v,
    node: r.node ?? best.sel,
    how: `the branch where ${best.sel.text} == "${v}"${r.via ? ` (${r.via})` : ''}`,
    scriptDefault: r.scriptDefault,
  };
}

/**
 * Branches chosen by an option whose value is not read here (`if model_type == 'UCTransNet': … elif model_type ==
 * 'UCTransNet_pretrain': …`, the selector from a config module): the class every branch builds, whichever it takes;
 * null when a branch builds another or one cannot be read.
 */
function sameInEveryBranch(
  own: readonly SyntaxNode[],
  sel: string,
  assignments: readonly SyntaxNode[],
  values: ValueResolver,
): Built | null {
  const guarded = own.filter((a) => guardsOf(a).some((g) => g.sel.text === sel));
  const built = guarded.map((a) => builtBy(a.childForFieldName('right'), assignments, values, ''));
  const first = built[0];
  if (!first || built.some((b) => b?.value !== first.value)) return null;
  return { ...first, how: `${first.how} in every branch of ${sel}` };
}

/**
 * `model.parameters()`, `model.module.parameters()`, `filter(…, model.parameters())`, `list(model.parameters())` →
 * `model`; `self.model.parameters()` → `self.model`.
 */
function parametersOf(arg: SyntaxNode): string | undefined {
  const m = /\b((?:self\.)?[A-Za-z_]\w*)(?:\.module)?\.(?:named_)?parameters\s*\(/.exec(arg.text);
  return m?.[1];
}

/** What an assignment's right side builds, when it names a model. */
function builtBy(
  rhs: SyntaxNode | null,
  assignments: readonly SyntaxNode[],
  values: ValueResolver,
  name: string,
  depth = 0,
): Built | undefined {
  if (depth > MAX_HOPS) return undefined;
  let n = rhs;
  // `X(...).to(device)`, `X(...).cuda()`: the module the chain starts from.
  while (n?.type === 'call') {
    const fn = n.childForFieldName('function');
    if (fn?.type !== 'attribute' || !SAME_MODULE.test(fn.childForFieldName('attribute')?.text ?? '')) break;
    const obj = fn.childForFieldName('object');
    if (obj?.type !== 'call') break;
    n = obj;
  }
  // `model = net` or `model = net.cuda()`: the object another name of the script holds (`net = VNet(...)`).
  const held = n?.type === 'identifier' ? n : n?.type === 'call' ? heldObject(n) : undefined;
  if (held && held.text !== name) return heldBy(held.text, assignments, values, depth + 1) ?? undefined;
  if (n?.type !== 'call') return undefined;
  const fn = n.childForFieldName('function');
  const args = n
    .childForFieldName('arguments')
    ?.namedChildren.filter((a): a is SyntaxNode => !!a && a.type !== 'comment');
  const first = args?.find((a) => a.type !== 'keyword_argument');
  const kw = (k: string) =>
    args
      ?.find((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === k)
      ?.childForFieldName('value');
  if (!fn) return undefined;
  const byName = (node: SyntaxNode | null | undefined, how: (v: string) => string): Built | undefined => {
    if (!node) return undefined;
    const r: Resolved = values.resolve(node);
    const v = modelName(r.value);
    return v
      ? {
          value: v,
          node: r.node ?? node,
          how: `${how(v)}${r.via ? ` (${r.via})` : ''}`,
          scriptDefault: r.scriptDefault,
        }
      : undefined;
  };
  // `mod.__dict__[args.model](...)`, `MODELS[args.arch](...)`: a registry looked up by name.
  if (fn.type === 'subscript') {
    const key = fn.childForFieldName('subscript');
    return byName(key, (v) => `${fn.childForFieldName('value')?.text}["${v}"](…)`);
  }
  // `getattr(models, args.arch)(...)`.
  if (fn.type === 'call' && fn.childForFieldName('function')?.text === 'getattr') {
    const ga = fn.childForFieldName('arguments')?.namedChildren.filter((a) => a && a.type !== 'comment');
    return byName(ga?.[1], (v) => `getattr(${ga?.[0]?.text}, "${v}")(…)`);
  }
  const callee = fn.text;
  const last = callee.slice(callee.lastIndexOf('.') + 1);
  if (last === 'from_pretrained' || last === 'from_config') {
    const recv = callee.slice(0, callee.lastIndexOf('.'));
    if (NOT_A_LOADER.test(recv)) return undefined;
    // Unsloth's loaders take the checkpoint as `model_name` (FastLanguageModel/FastVisionModel.from_pretrained,
    // https://github.com/unslothai/unsloth/blob/main/unsloth/models/loader.py).
    const arg = first ?? kw('pretrained_model_name_or_path') ?? kw('model_name') ?? kw('config');
    if (last === 'from_config') return configId(arg, assignments, values) ?? ownFromConfig(recv, fn);
    return byName(arg, (v) => `${callee}("${v}")`);
  }
  // `create_model("vit_base_patch16_224")`, `build_model(args.model)`, `get_network(name)`,
  // `net_factory(net_type=args.model)`: a factory given a name, by position or by a keyword that names the model.
  // A factory given the project's config object first (`get_model(cfg.MODEL, 'ResNet50')`,
  // `build_model(config, model_name="vit_b_16")`): the name it is given beside it, by keyword or as a later string.
  if (FACTORY.test(last)) {
    const named = args
      ?.find((a) => a.type === 'keyword_argument' && NAME_KW.test(a.childForFieldName('name')?.text ?? ''))
      ?.childForFieldName('value');
    const positional = args?.filter((a) => a.type !== 'keyword_argument') ?? [];
    const literal = positional
      .slice(1)
      .find((a) => a.type === 'string' && !NOT_A_NAME.test(a.text.replace(/^[rbuf]*['"]|['"]$/gi, '')));
    const candidates = [first, named, first && CONFIG_OBJECT.test(first.text) ? literal : undefined];
    for (const arg of candidates)
      if (arg && (arg.type === 'string' || arg.type === 'identifier' || arg.type === 'attribute')) {
        const b = byName(arg, (v) => (arg === first ? `${callee}("${v}")` : `${callee}(…, "${v}")`));
        if (b) return b;
      }
  }
  // A function of the same module that builds and returns the model (./model-factory).
  const def = fn.type === 'identifier' ? moduleFunction(fn.tree.rootNode, callee) : undefined;
  const made = def && returnedBy(def, values, depth);
  if (made) return { ...made, how: `${callee}(…), which returns ${made.how}` };
  if (FACTORY.test(last)) return undefined;
  // Ultralytics: `YOLO("yolo11m.pt")` / `YOLO("yolov8n.yaml")` builds the network its weights or YAML name
  // (https://docs.ultralytics.com/modes/train/); the class is the library's one wrapper, no model of its own.
  // Only the library's class (a project's own `YOLO` in `models/yolo.py` is its own network), and only a released
  // model's name: a project's `runs/…/best.pt` names no model.
  if (ULTRALYTICS.test(last)) {
    if (!/^\s*(from\s+ultralytics\b[^\n]*\bimport\b|import\s+ultralytics\b)/m.test(fn.tree.rootNode.text))
      return undefined;
    const b = byName(first ?? kw('model'), (v) => `${callee}("${v}")`);
    const value =
      b &&
      String(b.value)
        .split(/[\\/]/)
        .pop()
        ?.replace(/\.(pt|ya?ml)$/i, '');
    return b && value && ULTRALYTICS_RELEASE.test(value) ? { ...b, value } : undefined;
  }
  // A class the script constructs around another model it built (`SoftmaxNN(sentence_encoder, …)`, a method over its
  // backbone): the inner model, or nothing — the wrapper's name is no architecture.
  // A function applied to a model the script built (`model1 = kaiming_normal_init_weight(net1)`): that model.
  if (first?.type === 'identifier' && first.text !== name && !/^[A-Z]/.test(last)) {
    const h = heldBy(first.text, assignments, values, depth + 1);
    if (h) return h;
  }
  const inner = first?.type === 'identifier' ? innerModel(first.text, assignments, values, name, depth) : undefined;
  if (inner !== undefined) return inner ?? undefined;
  // A class constructed around the very object it replaces (`model = NativeDDP(model, device_ids=…)`, timm's train.py
  // import alias of DistributedDataParallel; `model = GeneralizedRCNNWithTTA(cfg, model)`) wraps that model: no new one.
  const given = args?.map((a) => (a.type === 'keyword_argument' ? a.childForFieldName('value') : a));
  if (name && /^[A-Z]/.test(last) && given?.some((a) => a?.text === name)) return undefined;
  // A class the script constructs (`AFNO(...)`, `BigVGAN(h)`); a Hugging Face class built from a checkpoint's config
  // is that checkpoint (`LlamaForCausalLM(config)` with `config = LlamaConfig.from_pretrained(id)`).
  if (/^[A-Z]/.test(last) && !NOT_A_MODEL.test(last) && !/^(nn|torch|tf|keras|jax|flax)\./.test(callee)) {
    if (/(For[A-Z]\w+|LMHeadModel|PreTrainedModel)$/.test(last))
      return configId(first ?? kw('config'), assignments, values);
    // A class the size tables know by name (`ResNet18`, `UNet`) that ./python-vision did not take (it takes only the
    // libraries' constructors): the project's own class — a CIFAR `ResNet18`, a DDPM `UNet` — is named as written but
    // is not the table's network (form `own-class`: no size is looked up for it).
    const v = modelName(last);
    // A wrapper class (a LightningModule, ./model-name.ts) given the checkpoint it loads by a name that says so
    // (`WhisperModelModule(cfg, model_name, …)`, `LitModel(model_name_or_path=args.model)`): that checkpoint.
    if (!v) return checkpointArg(callee, args ?? [], values) ?? undefined;
    if (v === name || sizeFromName(v)) return undefined;
    if (lookupArchitecture(v) || lookupModel(v))
      return { value: v, node: fn, how: `${callee}(…), the project's own class of that name`, form: 'own-class' };
    return { value: v, node: fn, how: `${callee}(…)` };
  }
  return undefined;
}

/**
 * Functions that build a model from its name: the common spellings (`create_model`, timm; `build_model`, `get_model`,
 * `get_network`, `make_net`) and a project's `*_factory` (`net_factory`, `net_factory_3d`, as semi-supervised
 * segmentation code names it).
 */
const FACTORY =
  /^((create|build|get|load|make|init)_?(model|net|network|arch)(_?\dd)?|\w*(model|net|network)_?factory(_?\dd)?)$/i;
/** A config object handed to a factory (`cfg`, `config.MODEL`, `args`, `opt`, `hparams`), not a model's name. */
const CONFIG_OBJECT = /^(cfg|config|conf|args|opt|opts|hparams|hps|params|settings)(\.\w+)*$/i;
/** Strings a factory is given beside the config that name no model: devices, splits, modes, placeholders. */
const NOT_A_NAME = /^(cuda(:\d+)?|cpu|mps|gpu|tpu|train|training|val|valid|validation|test|eval|inference|_|-|)$/i;
/** Keywords that pass a factory the model's name (`net_type="unet"`, `model_name=…`, `arch=…`). */
const NAME_KW = /^((model|net|network|arch)(_?(name|type|arch|str))?|architecture|name)$/;

/** Names followed from one to the next (`model = net`, `net = init(base)`, …) before giving up. */
const MAX_HOPS = 4;

/**
 * The model a name of the script holds, from every assignment of it: undefined when none builds a model, null when
 * they disagree.
 */
function heldBy(
  ident: string,
  assignments: readonly SyntaxNode[],
  values: ValueResolver,
  depth: number,
): Built | null | undefined {
  const built = assignments
    .filter((a) => assigns(a, ident))
    .map((a) => builtBy(a.childForFieldName('right'), assignments, values, ident, depth))
    .filter((b): b is Built => !!b);
  if (built.length === 0) return undefined;
  return new Set(built.map((b) => b.value)).size === 1 ? built[0] : null;
}

/** The name a chain of same-module methods starts from (`net.cuda()`, `net.to(device).train()` → `net`). */
function heldObject(call: SyntaxNode): SyntaxNode | undefined {
  let n: SyntaxNode | null = call;
  while (n?.type === 'call') {
    const fn = n.childForFieldName('function');
    if (fn?.type !== 'attribute' || !SAME_MODULE.test(fn.childForFieldName('attribute')?.text ?? '')) return undefined;
    n = fn.childForFieldName('object');
  }
  return n?.type === 'identifier' ? n : undefined;
}

/** Ultralytics' model classes (ultralytics/models: YOLO, RTDETR, SAM, FastSAM, NAS, YOLOWorld, YOLOE). */
const ULTRALYTICS = /^(YOLO|RTDETR|SAM|FastSAM|NAS|YOLOWorld|YOLOE)$/;
/** The names of Ultralytics' released models (docs.ultralytics.com/models, 2025): `yolov8n`, `yolo11m-seg`, `rtdetr-l`. */
const ULTRALYTICS_RELEASE = /^(yolo(v?\d+|_nas)|rtdetr|sam|mobile_sam|fastsam)[\w.-]*$/i;
/** Keyword arguments that name the pretrained checkpoint a module loads (`BERTEncoder(pretrain_path=…)`). */
const CHECKPOINT_KW =
  /^(pretrain(?:ed)?_(?:path|model|name|model_name)|pretrained_model_name_or_path|model_name_or_path|model_name|bert_(?:path|model))$/;

/** The checkpoint a constructor is given by keyword or as a variable whose name says so (CHECKPOINT_KW). */
function checkpointArg(callee: string, args: readonly SyntaxNode[], values: ValueResolver): Built | undefined {
  for (const a of args) {
    const kwName = a.type === 'keyword_argument' ? a.childForFieldName('name')?.text : undefined;
    const node = kwName !== undefined ? a.childForFieldName('value') : a;
    if (!node || !CHECKPOINT_KW.test(kwName ?? (node.type === 'identifier' ? node.text : ''))) continue;
    const r = values.resolve(node);
    const id = modelName(r.value);
    if (id)
      return {
        value: id,
        node: r.node ?? node,
        how: `${callee}(${a.text})${r.via ? ` (${r.via})` : ''}`,
        scriptDefault: r.scriptDefault,
      };
  }
  return undefined;
}

/**
 * The model built into `arg` when it names an object the script constructs as a model: undefined when it does not
 * (a config, a number: the outer class is judged on its own), null when it does but names none.
 */
function innerModel(
  arg: string,
  assignments: readonly SyntaxNode[],
  values: ValueResolver,
  name: string,
  depth: number,
): Built | null | undefined {
  if (arg === name) return undefined;
  const rhs = assignments
    .filter((a) => a.childForFieldName('left')?.text === arg)
    .map((a) => a.childForFieldName('right'))
    .filter((r): r is SyntaxNode => r?.type === 'call');
  if (rhs.length === 0) return undefined;
  const callee = rhs[0].childForFieldName('function')?.text ?? '';
  const last = callee.slice(callee.lastIndexOf('.') + 1);
  // Only a module-like object: a class (not a config, dataset or tokenizer) or a hub checkpoint.
  if (!/^[A-Z]/.test(last) || /Config|Args|Arguments|Dataset|Loader|Tokenizer|Processor/.test(last)) return undefined;
  for (const r of rhs) {
    const args = r.childForFieldName('arguments')?.namedChildren.filter((a): a is SyntaxNode => !!a) ?? [];
    const named = checkpointArg(callee, args, values);
    if (named) return named;
  }
  const built = rhs.map((r) => builtBy(r, assignments, values, arg, depth + 1)).filter((b): b is Built => !!b);
  return built.length > 0 && new Set(built.map((b) => b.value)).size === 1 ? built[0] : null;
}

/** The checkpoint a config was loaded from (`config = AutoConfig.from_pretrained(args.model)`), as a model. */
function configId(
  arg: SyntaxNode | null | undefined,
  assignments: readonly SyntaxNode[],
  values: ValueResolver,
): Built | undefined {
  if (!arg) return undefined;
  let call: SyntaxNode | null | undefined = arg;
  if (arg.type === 'identifier') {
    const rhs = assignments
      .filter((a) => a.childForFieldName('left')?.text === arg.text)
      .map((a) => a.childForFieldName('right'));
    if (rhs.length !== 1) return undefined;
    call = rhs[0];
  }
  if (call?.type !== 'call') return undefined;
  const fn = call.childForFieldName('function')?.text ?? '';
  if (!/Config\.from_pretrained$/.test(fn)) return undefined;
  const a0 = call.childForFieldName('arguments')?.namedChildren.find((a) => a && a.type !== 'comment');
  if (!a0) return undefined;
  const r = values.resolve(a0);
  const v = modelName(r.value);
  return v
    ? {
        value: v,
        node: r.node ?? a0,
        how: `built from ${fn}("${v}")${r.via ? ` (${r.via})` : ''}`,
        scriptDefault: r.scriptDefault,
      }
    : undefined;
}

/** The model every `return` of function `def` gives (./model-factory), read in its own body; for ../link/repo-model. */
function returnedBy(def: SyntaxNode, values: ValueResolver, depth: number): Built | undefined {
  const assignments = nodesOfType(def, 'assignment');
  const built = (returnedValues(def) ?? []).map((r) => builtBy(r, assignments, values, '', depth + 1));
  return built[0] && built.every((b) => b?.value === built[0]?.value) ? built[0] : undefined;
}
export function returnedModelFact(file: string, def: SyntaxNode, values: ValueResolver): Fact | undefined {
  const b = returnedBy(def, values, 0);
  return b && { ...modelFact(file, 'model', b), note: `returns ${b.how}` };
}
/** `CNNLSTM.from_config(cfg)`: a project class's own alternative constructor (./model-factory `projectClass`). */
function ownFromConfig(recv: string, fn: SyntaxNode): Built | undefined {
  const v = projectClass(recv, fn.tree.rootNode.text) && !NOT_A_MODEL.test(recv) ? modelName(recv) : undefined;
  return v ? { value: v, node: fn, how: `${recv}.from_config(…)` } : undefined;
}
