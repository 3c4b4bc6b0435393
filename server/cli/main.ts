// The `greenml` CLI: a second thin front end over the same engine as the language server.
// Exit codes: 0 no findings at warning or above (or --exit-zero), 1 findings, 2 usage or I/O error.
import { Command, CommanderError, Option } from 'commander';
import * as path from 'node:path';
import {
  estimate as coreEstimate,
  modelCardCo2,
  modelCardYaml,
  reportJson,
  resolveAccelerator,
  resolveRegion,
  type ModelCardOptions,
  type Precision,
  type RunInputs,
} from '../../core/index';
import * as fmt from '../../engine/format';
import type { Settings } from '../../engine/settings';
import { frameworkName } from '../../engine/types';
import { ruleMarkdown } from '../../rules/docs';
import { RULES, docsUrl, findRule } from '../../rules/index';
import { unknownSelectors } from '../../rules/select';
import { estimateRun, findMeasurements, readMeasurements } from '../review/measurements';
import { collectFiles } from './files';
import {
  estimateExtrasText,
  estimateOptions,
  givenMeasurements,
  measurementProblems,
  nonNegative,
  num,
  planJson,
  UsageError,
} from './options';
import {
  checkGithub,
  checkJson,
  checkMarkdown,
  checkSarif,
  estimateJson,
  position,
  runJson,
  type FileResult,
} from './output';
import { analyzeFiles } from './pool';
import { progress } from './progress';
import { CliSettings, cliRoots } from './workspace';
import { addChangedSince, changedFiles } from './commands/changed';
import { registerInit } from './commands/init';
import { registerReport } from './commands/report';
import { addRunOptions, applyRunOptions } from './commands/run-options';
import { registerTables } from './commands/tables';
import { addRunShapeOptions, checkExplicitWorkload, runShapeInputs } from './commands/run-shape';
import { bullets, checkReport, colorEnabled, wrapped } from './text';

const VERSION = '0.1.0';

/** The files under `paths` with each one's own settings, read within the workspace roots (exit 2 on a bad config). */
async function analyzePaths(
  paths: string[],
  o: { config?: string; root?: string[] },
  adjust?: (s: Settings) => void,
  only?: Set<string>,
  links = false,
  lean = false,
): Promise<{
  results: FileResult[];
  errors: { path: string; message: string }[];
  missing: boolean;
  cfg: CliSettings;
}> {
  const given = paths.length ? paths : ['.'];
  const cfg = new CliSettings(o.config, adjust);
  const roots = cliRoots(given, o.root);
  const collected = collectFiles(given, { roots, excludes: (d) => cfg.excludes(d) });
  const errors = collected.errors;
  const files = only ? collected.files.filter((f) => only.has(path.resolve(f))) : collected.files;
  for (const f of files) cfg.for(f);
  cfg.assertValid();
  const bar = progress(files.length);
  const r = await analyzeFiles(
    files,
    (f) => cfg.for(f).settings,
    (f) => bar.tick(f),
    { roots, links, lean },
  );
  bar.done();
  const missing = errors.some((e) => e.message === 'no such file or directory');
  return { results: r.results, errors: [...errors, ...r.errors], missing, cfg };
}

/** `--select a,b` → selectors; an unknown one is a usage error naming it (exit 2). */
function codes(list: string | undefined, flag: string): string[] | undefined {
  if (!list) return undefined;
  const sel = list
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  const unknown = unknownSelectors(sel, RULES);
  if (unknown.length)
    throw new UsageError(
      `${flag}: unknown rule ${unknown.map((c) => `"${c}"`).join(', ')}; run \`greenml rules\` for the list`,
    );
  return sel;
}

const rootOption = () =>
  new Option(
    '--root <dir>',
    'workspace folder linked files may be read from (repeatable; default: the current folder)',
  ).argParser((v: string, prev: string[] | undefined) => [...(prev ?? []), v]);

export function buildProgram(out: (s: string) => void): Command {
  const program = new Command('greenml')
    .description(
      'Green ML Review: reviews ML training code before it runs — findings, fixes, and estimated kWh and CO2e.',
    )
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (s) => out(s.replace(/\n$/, '')), writeErr: (s) => process.stderr.write(s) });

  program
    .command('check')
    .description('review training scripts and configs')
    .argument('[paths...]', 'files or folders', ['.'])
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['text', 'json', 'sarif', 'github', 'markdown'])
        .default('text'),
    )
    .option('--select <codes>', 'only these rules (comma-separated codes or names)')
    .option('--ignore <codes>', 'skip these rules')
    .option('--config <file>', 'greenml.toml or pyproject.toml to use')
    .addOption(rootOption())
    .option('--exit-zero', 'exit 0 even when there are findings')
    .option('--show-minor', 'also show findings below min-saving-kwh and findings on toy runs (hidden by default)')
    .action(async (paths: string[], o) => {
      const select = codes(o.select, '--select');
      const ignore = codes(o.ignore, '--ignore');
      const only = o.changedSince ? changedFiles(o.changedSince) : undefined;
      const analyzed = await analyzePaths(
        paths,
        o,
        (settings) => {
          applyRunOptions(settings, o);
          if (select) settings.select = select;
          if (ignore) settings.ignore = [...(settings.ignore ?? []), ...ignore];
        },
        only,
        false,
        true,
      );
      const { errors, missing } = analyzed;
      const results = o.showMinor
        ? analyzed.results
        : analyzed.results.map((r) => ({ ...r, findings: r.findings.filter((f) => !f.minor) }));
      if (o.format === 'json') out(JSON.stringify(checkJson(results, errors, VERSION), null, 2));
      else if (o.format === 'sarif') out(JSON.stringify(checkSarif(results, VERSION), null, 2));
      else if (o.format === 'github') out(checkGithub(results));
      else if (o.format === 'markdown') out(checkMarkdown(results));
      else out(checkReport(results, { color: colorEnabled(), width: process.stdout.columns }));
      if (o.format !== 'json') for (const e of errors) process.stderr.write(`greenml: ${e.path}: ${e.message}\n`);
      const serious = results.some((r) => r.findings.some((f) => f.severity === 'error' || f.severity === 'warning'));
      if (missing || (errors.some((e) => /EACCES|cannot read/.test(e.message)) && results.length === 0))
        process.exitCode = 2;
      else process.exitCode = serious && !o.exitZero ? 1 : 0;
    });

  program
    .command('estimate')
    .description('estimate the footprint of each run found in the paths, or of a run described by flags')
    .argument('[paths...]', 'files or folders')
    .option('--params <n>', 'parameters (e.g. 6.74e9)', num('--params'))
    .option('--tokens <n>', 'training tokens', num('--tokens'))
    .option('--gpu-hours <h>', 'stated device-hours (skips the FLOPs model)', num('--gpu-hours'))
    .option('--hardware <id>', 'accelerator, e.g. a100-80gb, h100, v100, "tpu v3"')
    .option('--devices <n>', 'number of devices', num('--devices'))
    .addOption(new Option('--precision <p>', 'training precision').choices(['fp32', 'tf32', 'fp16', 'bf16', 'fp8']))
    .option('--mfu <x>', 'model FLOPs utilisation 0–1 (overrides the model)', num('--mfu'))
    .option('--power <W>', 'average power per device in W, used as is', num('--power'))
    .option('--region <r>', 'aws:us-east-1, gcp:europe-west4, azure:westeurope or an ISO country code')
    .option('--intensity <g>', 'grid intensity in g CO2e/kWh (wins over --region)', num('--intensity'))
    .option('--pue <x>', 'data-centre PUE', num('--pue'))
    .option(
      '--architecture <id>',
      'vision/audio model for per-sample FLOPs, e.g. resnet50, vit-b-16, whisper-small (with --samples)',
    )
    .option('--flops-per-sample <n>', 'forward FLOPs per sample (instead of --architecture)', num('--flops-per-sample'))
    .option('--samples <n>', 'training samples per epoch', num('--samples'))
    .option('--epochs <n>', 'epochs over the samples (no estimate without them)', num('--epochs'))
    .option('--resolution <px>', 'input side in pixels for vision models', num('--resolution'))
    .option(
      '--include-idle',
      'add idle/infrastructure energy: +59 % of accelerator energy (BLOOM, Luccioni et al. 2022)',
    )
    .option('--embodied', 'report embodied (manufacturing) emissions, apart from the operational CO2e')
    .option('--dev-runs <x>', 'development runs: total ÷ final run (OLMo: 1.5)', num('--dev-runs'))
    .option('--marginal', 'report a marginal-intensity sensitivity where the region has data')
    .option(
      '--market-intensity <g>',
      'market-based g CO2e/kWh, reported apart from the location-based figure',
      nonNegative('--market-intensity'),
    )
    .option(
      '--measurements <file>',
      'CodeCarbon emissions.csv (or Zeus JSON) to calibrate from; default: emissions.csv next to each script',
    )
    .addOption(new Option('--training-type <t>', 'for --model-card').choices(['pre-training', 'fine-tuning']))
    .option('--model-card', 'print the Hugging Face co2_eq_emissions YAML block')
    .option('--config <file>', 'greenml.toml or pyproject.toml to use')
    .addOption(rootOption())
    .option('--json', 'JSON output (includes sci and modelCard)')
    .action(async (paths: string[], o) => {
      const options = estimateOptions(o);
      const explicit = [
        'params',
        'tokens',
        'gpuHours',
        'hardware',
        'power',
        'mfu',
        'architecture',
        'flopsPerSample',
        'samples',
      ].some((k) => o[k] !== undefined);
      if (explicit) {
        checkExplicitWorkload(o);
        if (o.hardware) {
          const r = resolveAccelerator(o.hardware);
          if (!r.ok) throw new UsageError(r.message);
        }
        if (o.region && o.intensity === undefined) {
          const r = resolveRegion(o.region);
          if (!r.ok) throw new UsageError(r.message);
        }
        const measured = givenMeasurements(o.measurements ? readMeasurements(o.measurements) : undefined);
        const inputs: RunInputs = {
          params: o.params,
          ...runShapeInputs(o),
          tokens: o.tokens,
          gpuHours: o.gpuHours,
          hardware: o.hardware,
          devices: o.devices,
          precision: o.precision as Precision | undefined,
          mfu: o.mfu,
          powerW: o.power,
          region: o.region,
          intensity: o.intensity,
          pue: o.pue,
          architecture: o.architecture,
          flopsPerSample: o.flopsPerSample,
          samples: o.samples,
          epochs: o.epochs,
          resolution: o.resolution,
          ...options,
          calibration: measured?.calibration,
        };
        const e = coreEstimate(inputs);
        const cardOpts: ModelCardOptions = { trainingType: o.trainingType };
        if (o.modelCard && !o.json) {
          if (e.method === 'insufficient-inputs')
            throw new UsageError(`no estimate for the model card: ${e.warnings.join('; ')}`);
          out(modelCardYaml(modelCardCo2(e, cardOpts)));
        } else if (o.json) {
          out(
            JSON.stringify(
              {
                ...estimateJson(e),
                ...reportJson(e, cardOpts),
                measurements: measured?.file,
              },
              null,
              2,
            ),
          );
        } else {
          out(`GPU-hours   ${fmt.range(e.gpuHours, fmt.num)}`);
          out(`Energy      ${fmt.range(e.energyKWh, fmt.energy)}`);
          out(`Carbon      ${fmt.range(e.co2eKg, fmt.carbon)}`);
          out(
            `Method      ${e.method}; PUE ${e.pue}${e.grid ? `; ${e.grid.gPerKWh} g CO2e/kWh (${e.grid.label})` : ''}`,
          );
          estimateExtrasText(e, out, '', options);
          out('Assumptions:');
          for (const a of e.assumptions) out(`  - ${a.text}${a.override ? ` (${a.override})` : ''}`);
          for (const w of e.warnings) out(`  ! ${w}`);
        }
        return;
      }
      const { results, errors, missing, cfg } = await analyzePaths(paths, o, (settings) => {
        applyRunOptions(settings, o);
        if (o.pue) settings.pue = o.pue;
        if (o.intensity) settings.carbonIntensity = o.intensity;
      });
      if (missing) process.exitCode = 2;
      const settingsFor = (file: string) => cfg.for(file).settings;
      const given = givenMeasurements(o.measurements ? readMeasurements(o.measurements) : undefined);
      const runs = results.flatMap((r) =>
        r.runs.map((run) => {
          // Measurements next to the script calibrate its runs; options re-run the core with the run's inputs.
          const m = given ?? findMeasurements(run.plan.entry.file);
          if (!given) measurementProblems(m);
          const e =
            m?.calibration || Object.keys(options).length > 0
              ? estimateRun(run, settingsFor(run.plan.entry.file), options, m?.calibration)
              : run.estimate;
          const trainingType =
            o.trainingType ?? (run.inputs.peft || run.plan.facts.get('model') ? 'fine-tuning' : undefined);
          return { r, run: { ...run, estimate: e }, m, cardOpts: { trainingType } as ModelCardOptions };
        }),
      );
      if (o.json)
        out(
          JSON.stringify(
            {
              version: VERSION,
              runs: runs.map(({ run, m, cardOpts }) => ({
                ...runJson(run),
                ...reportJson(run.estimate, cardOpts),
                measurements: m?.calibration ? m.file : undefined,
              })),
              errors,
            },
            null,
            2,
          ),
        );
      else if (o.modelCard) {
        // Only the YAML blocks, one per run, each after a comment naming the run: ready to paste into a model card.
        if (runs.length === 0) out('# No training runs found.');
        for (const { r, run, cardOpts } of runs) {
          out(`# ${r.path}:${position(r.text, run.plan.entry.span.start).line} ${run.plan.entry.label}`);
          if (run.estimate.method === 'insufficient-inputs')
            out(`# footprint unknown: ${run.estimate.warnings.join('; ')}`);
          else out(modelCardYaml(modelCardCo2(run.estimate, cardOpts)));
        }
      } else {
        if (runs.length === 0) out('No training runs found.');
        for (const { r, run } of runs) {
          const e = run.estimate;
          out(
            `${r.path}:${position(r.text, run.plan.entry.span.start).line} ${run.plan.entry.label} (${frameworkName(run.plan)})`,
          );
          if (e.method === 'insufficient-inputs') {
            out(`  footprint unknown: ${e.warnings.join('; ')}`);
            continue;
          }
          out(
            wrapped(
              `energy ${fmt.range(e.energyKWh, fmt.energy)} · carbon ${fmt.range(e.co2eKg, fmt.carbon)} · ${fmt.range(e.gpuHours, fmt.num)} GPU-h on ${e.devices}×${e.accelerator?.name ?? 'unknown GPU'}`,
              2,
            ),
          );
          estimateExtrasText(e, out, '  ', options);
          out(
            bullets(
              e.assumptions.map((a) => a.text),
              4,
            ),
          );
          out('');
        }
        for (const e of errors) process.stderr.write(`greenml: ${e.path}: ${e.message}\n`);
      }
    });

  program
    .command('plan')
    .description("each run's resolved facts: value, origin, file and range")
    .argument('[paths...]', 'files or folders', ['.'])
    .option('--config <file>', 'greenml.toml or pyproject.toml to use')
    .addOption(rootOption())
    .option('--json', 'JSON output')
    .action(async (paths: string[], o) => {
      const { results, errors, missing } = await analyzePaths(paths, o, undefined, undefined, true);
      if (missing) process.exitCode = 2;
      const texts = new Map(results.map((r) => [r.path, r.text]));
      // Each file's own runs, then the runs the files belong to (a config's, a launcher's run of its script), each run
      // once (the same entry and files: a config's run given with its script is the script's own). Not the runs a
      // launcher beside a file starts: `greenml plan` on that launcher shows them.
      const seen = new Set<string>();
      const listed = [
        // A module with no entry of its own: not its own run; the run of the script it is part of is listed (linked).
        ...results.flatMap((r) => r.runs.filter((run) => !run.plan.partOf).map((run) => ({ r, run, linked: false }))),
        ...results.flatMap((r) =>
          (r.linked ?? []).filter((run) => !run.plan.launchedBy).map((run) => ({ r, run, linked: true })),
        ),
      ];
      const plans = listed.flatMap(({ r, run, linked }) => {
        const key = `${run.plan.entry.file}:${run.plan.entry.span.start}:${[...run.plan.files].sort().join(',')}`;
        if (seen.has(key)) return [];
        seen.add(key);
        const textOf = (file: string | undefined) => (file ? (r.sources?.get(file) ?? texts.get(file)) : undefined);
        return [planJson(run, linked, textOf)];
      });
      if (o.json) out(JSON.stringify({ version: VERSION, runs: plans, errors }, null, 2));
      else {
        for (const e of errors) process.stderr.write(`greenml: ${e.path}: ${e.message}\n`);
        for (const p of plans) {
          out(
            `${p.entry.path}:${p.entry.line ?? '?'} ${p.entry.label} (${p.framework})${p.linked ? ' — linked from the files given' : ''}`,
          );
          for (const [k, f] of Object.entries(p.facts)) {
            const where = f.range
              ? ` @${f.file && f.file !== p.entry.path ? `${f.file}:` : ''}${f.range.start.line}:${f.range.start.column}`
              : '';
            out(`  ${k.padEnd(18)} ${String(f.value).padEnd(22)} ${f.origin}${where}${f.note ? ` — ${f.note}` : ''}`);
          }
        }
      }
    });

  program
    .command('explain')
    .description('show the documentation of a rule')
    .argument('<code>', 'rule code or name, e.g. GML101 or mixed-precision-off')
    .action((code: string) => {
      const r = findRule(code);
      if (!r) throw new UsageError(`unknown rule "${code}"; run \`greenml rules\` for the list`);
      out(`${ruleMarkdown(r)}\n${docsUrl(r)}`);
    });

  program
    .command('rules')
    .description('list the rules')
    .option('--json', 'JSON output')
    .action((o) => {
      if (o.json)
        out(
          JSON.stringify(
            RULES.map((r) => ({
              code: r.code,
              name: r.name,
              severity: r.defaultSeverity,
              summary: r.summary,
              url: docsUrl(r),
            })),
            null,
            2,
          ),
        );
      else for (const r of RULES) out(`${r.code}  ${r.name.padEnd(34)} ${r.defaultSeverity.padEnd(12)} ${r.summary}`);
    });

  program
    .command('server')
    .description('start the language server')
    .option('--stdio', 'talk LSP over stdin/stdout (the default)')
    .action(async () => {
      const { startServer } = await import('../lsp/main');
      if (!process.argv.includes('--stdio')) process.argv.push('--stdio');
      startServer();
    });
  for (const c of program.commands) if (c.name() === 'check') addChangedSince(addRunOptions(c));
  for (const c of program.commands) if (c.name() === 'estimate') addRunShapeOptions(c);
  registerTables(program, out);
  registerInit(program, out);
  registerReport(program, out, { analyzePaths });
  return program;
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram((s) => process.stdout.write(s + '\n'));
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      process.exitCode = e.exitCode === 0 ? 0 : 2;
      return;
    }
    if (e instanceof UsageError) {
      process.stderr.write(`greenml: ${e.message}\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`greenml: ${(e as Error).stack ?? e}\n`);
    process.exitCode = 2;
  }
}
