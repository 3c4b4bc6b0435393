// server/engine/measurements.ts (CSV reading next to the script) and its use by `greenml estimate`. Lives with the core
// tests because it exercises the core's calibration end to end; runs the CLI in-process (no build needed).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';

import { buildProgram } from '../../server/cli/main';
import { csvRecords, findMeasurements, parseCsv, readMeasurements } from '../../server/review/measurements';
import { tempWorkspace } from '../helpers/workspace';

const HEADER =
  'timestamp,project_name,run_id,duration,emissions,emissions_rate,cpu_power,gpu_power,ram_power,cpu_energy,gpu_energy,ram_energy,' +
  'energy_consumed,country_name,country_iso_code,region,cloud_provider,cloud_region,os,python_version,codecarbon_version,cpu_count,' +
  'cpu_model,gpu_count,gpu_model,longitude,latitude,ram_total_size,tracking_mode,on_cloud,pue';
const ROW =
  '2024-05-01T10:30:00,"fine-tune, v2",abc-1,3600,0.1,2.7e-05,42.5,280.0,10.0,0.0425,0.28,0.01,0.3325,France,FRA,île-de-france,,,' +
  'Linux,3.11,2.4.1,32,"AMD EPYC 7V12 64-Core Processor",1,"1 x NVIDIA A100-SXM4-80GB",2.3,48.8,256,machine,N,1.0';

const SCRIPT = `from transformers import AutoModelForCausalLM, Trainer, TrainingArguments
model = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-3.2-1B")
args = TrainingArguments(output_dir="o", num_train_epochs=1, per_device_train_batch_size=8, bf16=True)
Trainer(model=model, args=args).train()
`;

const workspace = (files: Record<string, string>) => tempWorkspace('meas', files);

async function cli(args: string[]): Promise<string> {
  const lines: string[] = [];
  await buildProgram((s) => lines.push(s)).parseAsync(args, { from: 'user' });
  return lines.join('\n');
}

describe('CSV parsing', () => {
  it('handles quoted fields with commas, doubled quotes and line breaks, CRLF and a byte-order mark', () => {
    const rows = parseCsv('\ufeffa,b,c\r\n1,"x, y","say ""hi"""\r\n2,"multi\nline",\r\n\r\n');
    assert.deepEqual(rows, [
      ['a', 'b', 'c'],
      ['1', 'x, y', 'say "hi"'],
      ['2', 'multi\nline', ''],
    ]);
    assert.deepEqual(parseCsv('a,b\n1,2'), [
      ['a', 'b'],
      ['1', '2'],
    ]);
    assert.deepEqual(parseCsv(''), []);
  });

  it('turns a CodeCarbon file into records keyed by header', () => {
    const [r] = csvRecords(`${HEADER}\n${ROW}\n`);
    assert.equal(r.project_name, 'fine-tune, v2');
    assert.equal(r.gpu_model, '1 x NVIDIA A100-SXM4-80GB');
    assert.equal(r.gpu_energy, '0.28');
  });
});

describe('measurement files', () => {
  it('finds emissions.csv next to the script and calibrates from it', () => {
    const dir = workspace({ 'train.py': SCRIPT, 'emissions.csv': `${HEADER}\n${ROW}\n` });
    const m = findMeasurements(path.join(dir, 'train.py'));
    assert.ok(m?.calibration, JSON.stringify(m));
    assert.equal(Math.round(m.calibration.gpuPowerW), 280);
    assert.equal(findMeasurements(path.join(workspace({ 'train.py': SCRIPT }), 'train.py')), undefined);
  });

  it('reports unreadable or foreign files as problems, never throws', () => {
    const dir = workspace({
      'emissions.csv': 'name,value\nx,1\n',
      'zeus.json': '{"windows": [{"time": 10, "gpu_energy": {"0": 3000}}]}',
      'bad.json': '{',
    });
    assert.match(readMeasurements(path.join(dir, 'emissions.csv')).problems[0], /does not look like a CodeCarbon/);
    assert.match(readMeasurements(path.join(dir, 'missing.csv')).problems[0], /cannot read/);
    assert.match(readMeasurements(path.join(dir, 'bad.json')).problems[0], /not valid JSON/);
    const z = readMeasurements(path.join(dir, 'zeus.json'));
    assert.equal(z.calibration?.gpuPowerW, 300);
  });
});

describe('greenml estimate with measurements and reports', () => {
  it('labels a run calibrated when emissions.csv sits next to its script', async () => {
    const dir = workspace({ 'train.py': SCRIPT, 'emissions.csv': `${HEADER}\n${ROW}\n` });
    const j = JSON.parse(await cli(['estimate', dir, '--json']));
    const run = j.runs[0];
    assert.equal(run.label, 'calibrated');
    assert.equal(run.calibration.source, 'codecarbon');
    assert.match(run.measurements, /emissions\.csv$/);
    assert.equal(run.modelCard.source, 'Green ML Review estimate calibrated from CodeCarbon');
    assert.equal(run.modelCard.emissions, run.estimate.co2eKg.mid * 1000);
    assert.equal(run.modelCard.training_type, 'fine-tuning');
    assert.ok(run.sci.perTeraFlopG.mid > 0 && run.sci.perThousandTokensG.mid > 0);
    const text = await cli(['estimate', dir]);
    assert.match(text, /Label {7}calibrated/);
  });

  it('stays a pre-flight estimate without a measurement file, and prints the model-card YAML', async () => {
    const dir = workspace({ 'train.py': SCRIPT });
    const j = JSON.parse(await cli(['estimate', dir, '--json']));
    assert.equal(j.runs[0].label, 'pre-flight estimate');
    assert.equal(j.runs[0].modelCard.source, 'Green ML Review pre-flight estimate');
    const yaml = await cli(['estimate', dir, '--model-card']);
    assert.match(
      yaml,
      /^# .*train\.py:4 Trainer\nco2_eq_emissions:\n {2}emissions: [\d.]+\n {2}source: "Green ML Review pre-flight estimate"\n {2}training_type: "fine-tuning"/,
    );
  });

  it('passes the footprint options through in explicit mode, with sci and modelCard in --json', async () => {
    const j = JSON.parse(
      await cli([
        'estimate',
        '--architecture',
        'resnet50',
        '--samples',
        '1281167',
        '--epochs',
        '90',
        '--hardware',
        'v100-sxm2-16gb',
        '--devices',
        '8',
        '--precision',
        'fp16',
        '--region',
        'aws:us-east-1',
        '--include-idle',
        '--embodied',
        '--dev-runs',
        '1.5',
        '--marginal',
        '--market-intensity',
        '0',
        '--json',
      ]),
    );
    assert.equal(j.method, 'flops');
    assert.ok(
      j.components.idleKWh.mid > 0 && j.components.developmentKWh.mid > 0 && j.components.embodiedKgCO2e.mid > 0,
    );
    assert.equal(j.components.marginal.gPerKWh, 557);
    assert.equal(j.components.marketBased.co2eKg.mid, 0);
    assert.equal(j.modelCard.emissions, j.co2eKg.mid * 1000);
    assert.ok(j.sci.perSampleG.mid > 0 && j.sci.perTeraFlopG.mid > 0);
    assert.match(j.sci.boundary, /embodied/);
  });

  it('calibrates explicit mode from --measurements', async () => {
    const dir = workspace({ 'emissions.csv': `${HEADER}\n${ROW}\n` });
    const j = JSON.parse(
      await cli([
        'estimate',
        '--params',
        '1e9',
        '--tokens',
        '1e10',
        '--measurements',
        path.join(dir, 'emissions.csv'),
        '--json',
      ]),
    );
    assert.equal(j.label, 'calibrated');
    assert.equal(j.accelerator, 'a100-sxm4-80gb');
  });
});
