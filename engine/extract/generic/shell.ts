// Shell launchers as key paths: each command's flags (`--x y`, `--x=y`, `--no-x` → x = false, Hydra-style
// `a.b=c`) and the environment variables the script sets (`export X=1`, `X=1 cmd`), over the word splitter in
// ../../parse/shell (nothing is run; unresolved `$VARS` are written-but-unreadable).
import { parseShell, type Word } from '../../parse/shell';
import type { FactValue } from '../../types';
import { cliLiteral } from '../launcher-args';
import { namedForOtherWork } from '../launcher-run';
import { typedValue } from '../fields';
import { MAX_ENTRIES, shortText, type Entry, type EntrySet } from './entries';

/** The program a command runs (`lm_eval`, `python -m lm_eval`, `python eval.py`) is named for other work than training. */
function otherWork(words: Word[]): boolean {
  const first = words[0]?.text ?? '';
  if (first.startsWith('-')) return false;
  if (yoloOtherMode(words)) return true;
  const py = /(^|\/)python[\d.]*$/.test(first);
  const m = py ? words.findIndex((w) => w.text === '-m') : -1;
  const prog = m >= 0 ? words[m + 1]?.text.split('.')[0] : py ? words.find((w) => /\.py$/.test(w.text))?.text : first;
  return !!prog && namedForOtherWork(prog);
}

/**
 * An Ultralytics `yolo` command that does not train: the CLI is `yolo TASK MODE ARGS` (or `mode=MODE`), where MODE is
 * one of train, val, predict, export, track, benchmark, and `yolo settings`/`checks`/`copy-cfg` are utilities
 * (https://docs.ultralytics.com/usage/cli/). Only `train` trains: the `model=best.pt source=…` of `yolo detect
 * predict` are no run's settings.
 */
function yoloOtherMode(words: Word[]): boolean {
  if ((words[0]?.text ?? '').split('/').pop() !== 'yolo') return false;
  const plain = words.slice(1).filter((w) => !w.text.includes('='));
  const mode = words.slice(1).find((w) => /^mode=/.test(w.text));
  return !plain.some((w) => w.text === 'train') && mode?.text !== 'mode=train';
}

const NEGATIVE = /^-\d+(\.\d+)?(e[-+]?\d+)?$/i;
/** A yacs config key path in capitals (`SOLVER.MAX_ITER`, `MODEL.ROI_HEADS.NUM_CLASSES`). */
const YACS_KEY = /^[A-Z][A-Z0-9_]*(?:\.[A-Z][A-Z0-9_]*)+$/;

/** `preset`: variables known before the script runs (those of a file it sources). */
export function shellEntries(file: string, text: string, preset?: Map<string, string>): EntrySet {
  const script = parseShell(text, preset);
  const entries: Entry[] = [];
  const programs = new Set<string>();
  const wordWriter = (w: Word, from: number) => (v: FactValue) => [
    { file, start: from, end: w.span.end, newText: cliLiteral(v, 'yaml') },
  ];
  /** `--key value` or a yacs `PATH.KEY value` pair: the key's word and the value's, read as one setting. */
  const pairEntry = (key: string, keyWord: Word, value: Word): Entry => ({
    path: key.split('.'),
    value: value.unresolved ? undefined : typedValue(value.text),
    span: { start: keyWord.span.start, end: value.span.end },
    text: shortText(text.slice(keyWord.span.start, value.span.end)),
    kind: 'value',
    set: value.unresolved ? undefined : wordWriter(value, value.span.start),
  });
  for (const cmd of script.commands) {
    const words = cmd.words;
    // An evaluation tool or script run after training (`lm_eval --batch_size 4`, `python eval.py`): its flags are not
    // the run's settings.
    if (otherWork(words)) continue;
    // A command whose name is a flag is run by no program: the lines after a broken continuation (`--a 1 \  # why`,
    // where the `\` escapes the space and `#` ends the command) make a command `--b …` that bash cannot find, so
    // their flags never reach the run (bash(1), QUOTING and COMMENTS).
    if (words[0]?.text.startsWith('-')) continue;
    // The program it runs, for framework detection (`fairseq-train`): a tool's name, not an interpreter or a script.
    const prog = words[0]?.text.split('/').pop();
    if (prog && /^[A-Za-z][\w.-]*$/.test(prog) && !/^python[\d.]*$|\.(py|sh|bash)$/.test(prog)) programs.add(prog);
    for (let i = 1; i < words.length && entries.length < MAX_ENTRIES; i++) {
      const w = words[i];
      const raw = text.slice(w.span.start, w.span.end);
      // A word holding several flags: a quoted array item (`"--fp8-format hybrid"`) or an unquoted `$ARGS` whose
      // string value lists them (`T5_ARGS="--micro-batch-size 64 ..."`). Read, not written (the text is elsewhere).
      if (/^--[A-Za-z]/.test(w.text.trim()) && /\s/.test(w.text.trim())) {
        const toks = w.text.replace(/\\\n/g, ' ').replace(/\\/g, ' ').split(/\s+/).filter(Boolean);
        for (let j = 0; j < toks.length; j++) {
          const m = /^--([A-Za-z][\w.-]*)(?:=(.*))?$/.exec(toks[j]);
          if (!m) continue;
          const next = toks[j + 1];
          const hasValue = m[2] === undefined && next !== undefined && (!next.startsWith('-') || NEGATIVE.test(next));
          const neg = /^no[-_](.+)$/.exec(m[1]);
          entries.push({
            path: (neg && !hasValue && m[2] === undefined ? neg[1] : m[1]).split('.'),
            value:
              w.unresolved && !/^\d|^[a-z]/i.test(next ?? '')
                ? undefined
                : m[2] !== undefined
                  ? typedValue(m[2])
                  : hasValue
                    ? typedValue(next)
                    : !neg,
            span: w.span,
            text: shortText(`--${m[1]}${m[2] !== undefined ? `=${m[2]}` : hasValue ? ` ${next}` : ''}`),
            kind: 'value',
          });
          if (hasValue) j++;
        }
        continue;
      }
      // Hydra overrides may add keys: `+a.b=c`, `++a.b=c`.
      const kv = /^(--?|\+\+?)?([A-Za-z_][\w.-]*)=(.*)$/s.exec(w.text);
      if (kv && (kv[1] || kv[2].includes('.') || !/^[A-Z_][A-Z0-9_]*$/.test(kv[2]))) {
        const eq = raw.indexOf('=');
        entries.push({
          path: kv[2].replace(/^\+/, '').split('.'),
          value: w.unresolved ? undefined : typedValue(kv[3]),
          span: w.span,
          text: shortText(raw),
          kind: 'value',
          set: eq >= 0 && !w.unresolved ? wordWriter(w, w.span.start + eq + 1) : undefined,
        });
        continue;
      }
      // yacs overrides after the flags: `train_net.py --config-file x.yaml SOLVER.IMS_PER_BATCH 4` (detectron2's
      // `opts`, "space-separated PATH.KEY VALUE pairs", detectron2/engine/defaults.py `default_argument_parser`;
      // yacs `CfgNode.merge_from_list`, https://github.com/rbgirshick/yacs/blob/master/yacs/config.py).
      const yacs = YACS_KEY.test(w.text) ? words[i + 1] : undefined;
      if (yacs && !yacs.text.startsWith('-') && !YACS_KEY.test(yacs.text)) {
        entries.push(pairEntry(w.text, w, yacs));
        i++;
        continue;
      }
      const flag = /^--([A-Za-z][\w.-]*)$/.exec(w.text);
      if (!flag) continue;
      const next = words[i + 1];
      const neg = /^no[-_](.+)$/.exec(flag[1]);
      // A value, or a negative number (`--save_steps -1`), not the next flag.
      if (next && (!next.text.startsWith('-') || NEGATIVE.test(next.text))) {
        entries.push(pairEntry(flag[1], w, next));
        i++;
      } else
        entries.push({
          path: (neg ? neg[1] : flag[1]).split('.'),
          value: !neg,
          span: w.span,
          text: shortText(raw),
          kind: 'value',
        });
    }
  }
  const oneGpu = oneVisibleGpu(script.commands, text);
  // Environment variables: `export X=1`, `X=1` lines (the splitter keeps their values; spans found by line).
  const re = /^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_]*)=("[^"\n]*"|'[^'\n]*'|[^\s;#]*)/gm;
  for (const m of text.matchAll(re)) {
    if (entries.length >= MAX_ENTRIES) break;
    const start = m.index + m[0].indexOf(m[1]);
    const span = { start, end: m.index + m[0].length };
    const raw = m[2].replace(/^["']|["']$/g, '');
    entries.push({
      path: [m[1]],
      value: /[$`]/.test(raw) ? undefined : typedValue(raw),
      span,
      text: shortText(text.slice(span.start, span.end)),
      kind: 'env',
      ...(oneGpu && m[1] === 'CUDA_VISIBLE_DEVICES' ? { setting: true as const } : {}),
    });
  }
  return { file, syntax: 'shell', entries, bases: [], ...(programs.size ? { imports: [...programs] } : {}) };
}

/**
 * Every training command of the script sees one GPU: each `CUDA_VISIBLE_DEVICES=<id> tool …` prefix and each `export
 * CUDA_VISIBLE_DEVICES=<id>` names a single id, and at least one does. CUDA makes only the listed devices visible to
 * the process (https://docs.nvidia.com/cuda/cuda-c-programming-guide/index.html#cuda-environment-variables), so a
 * tool that takes every visible GPU (`fairseq-train`: "By default, fairseq-train will use all available GPUs",
 * https://fairseq.readthedocs.io/en/latest/getting_started.html#distributed-training) or one of them runs on one.
 * Several ids, a variable (`$GPU`), or an evaluation command's prefix alone (`CUDA_VISIBLE_DEVICES=0 python eval.py`)
 * fix no count.
 */
function oneVisibleGpu(commands: ReturnType<typeof parseShell>['commands'], text: string): boolean {
  const values = commands.filter((c) => !otherWork(c.words) && c.env.has('CUDA_VISIBLE_DEVICES'));
  const exported = [...text.matchAll(/^[ \t]*export[ \t]+CUDA_VISIBLE_DEVICES=(\S*)/gm)].map((m) =>
    m[1].replace(/^["']|["']$/g, ''),
  );
  const all = [...values.map((c) => c.env.get('CUDA_VISIBLE_DEVICES') ?? ''), ...exported];
  // Any assignment in the file (an evaluation command's, one in a branch) must name one id too.
  const written = [...text.matchAll(/\bCUDA_VISIBLE_DEVICES=("[^"\n]*"|'[^'\n]*'|[^\s;#]*)/g)].map((m) =>
    m[1].replace(/^["']|["']$/g, ''),
  );
  const one = (v: string) => /^\s*\d+\s*$/.test(v);
  return values.length > 0 && all.every(one) && written.every(one);
}
