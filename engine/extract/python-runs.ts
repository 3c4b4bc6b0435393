// Every Python extractor in one place, most specific first: HF Trainer/TRL, Lightning, Keras, nanoGPT-style globals,
// then plain PyTorch / accelerate loops. The first that recognises the file wins, so one script is one framework.
import type { Tree } from '../parse/python';
import { findCalls, literal, spanOf } from '../parse/python-syntax';
import { extractHuggingFace } from './huggingface';
import { resolveGpuPrecision } from './hf-precision-guard';
import { HF_SCHEMA } from './hf-fields';
import { extractKeras } from './keras';
import { extractLightning } from './lightning';
import { extractNanoGpt } from './nanogpt';
import type { Ref, RunDraft } from './run-draft';
import { extractTorchLoop } from './torch-loop';
import { extractStepModule } from './step-module';
import { runsWithoutTraining } from './no-training-call';

/** Config files a Python script names: `deepspeed="ds.json"`, `parse_yaml_file("args.yaml")`, `parse_json_file(...)`. */
export function pythonRefs(file: string, text: string, tree: Tree): Ref[] {
  if (!/\.(json|ya?ml)\b/.test(text)) return [];
  const out: Ref[] = [];
  for (const c of findCalls(tree.rootNode, text, [
    'parse_yaml_file',
    'parse_json_file',
    'TrainingArguments',
    'Seq2SeqTrainingArguments',
    'SFTConfig',
    'DPOConfig',
    'GRPOConfig',
    'HfDeepSpeedConfig',
  ])) {
    const ds = c.kwargs.get('deepspeed')?.value ?? (c.name === 'HfDeepSpeedConfig' ? c.positional[0] : undefined);
    const dv = literal(ds);
    if (ds && typeof dv === 'string' && /\.json$/i.test(dv))
      out.push({ path: dv, role: 'deepspeed', file, span: spanOf(ds) });
    if (c.name === 'parse_yaml_file' || c.name === 'parse_json_file') {
      const arg = c.positional[0] ?? c.kwargs.get('yaml_file')?.value ?? c.kwargs.get('json_file')?.value;
      const v = literal(arg);
      if (arg && typeof v === 'string') out.push({ path: v, role: 'hf-args', file, span: spanOf(arg) });
    }
  }
  return out;
}

/**
 * A unit test (a `unittest.TestCase` class, or `test_…` functions of a file that imports unittest or pytest): it runs
 * a backward pass or wraps a model in DataParallel to check the code, not to train a model. No run.
 */
const UNIT_TEST = (text: string) =>
  /^\s*class\s+\w+\s*\([^)]*TestCase\b[^)]*\)\s*:/m.test(text) ||
  (/^\s*def\s+test_\w+\s*\(/m.test(text) && /^\s*(?:import|from)\s+(?:unittest|pytest)\b/m.test(text));

export function extractPythonRuns(file: string, text: string, tree: Tree): RunDraft[] {
  if (UNIT_TEST(text)) return [];
  // An evaluation or prediction script that parses TrainingArguments or builds a Trainer and never trains with it.
  const hf = runsWithoutTraining(tree.rootNode, text) ? [] : extractHuggingFace(file, text, tree);
  if (hf.length > 0) {
    const refs = pythonRefs(file, text, tree);
    return hf.map((r) => ({
      plan: r.plan,
      kind: 'hf',
      schema: HF_SCHEMA,
      envPrecision: 'unless-mixed',
      openEnded: r.openEnded,
      flags: r.flags,
      fromParser: r.fromParser,
      flavour: r.flavour,
      refs,
      adjust: resolveGpuPrecision,
    }));
  }
  for (const extract of [extractLightning, extractKeras, extractNanoGpt, extractTorchLoop, extractStepModule]) {
    const runs = extract(file, text, tree);
    if (runs.length > 0) {
      const refs = pythonRefs(file, text, tree);
      return runs.map((r) => ({ ...r, refs: [...r.refs, ...refs] }));
    }
  }
  return [];
}
