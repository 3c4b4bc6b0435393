// The run of a stable-baselines3 (or sb3-contrib) agent a script builds and trains with `learn(…)`, where the script
// leaves the library's defaults in place (sources: the algorithms' pages,
// https://stable-baselines3.readthedocs.io/en/master/modules/ppo.html, …/dqn.html, …/sac.html, …/td3.html,
// …/ddpg.html, and https://sb3-contrib.readthedocs.io/en/master/modules/qrdqn.html, …/tqc.html, …/ppo_recurrent.html,
// …/ppo_mask.html, …/crossq.html):
// - the gradient step's batch: `batch_size` defaults to 64 (PPO, MaskablePPO), 128 (RecurrentPPO), 32 (DQN, QRDQN),
//   256 (SAC, TD3, DDPG, TQC, CrossQ) — the minibatch of a PPO rollout or of the replay buffer; one process steps on it,
//   so it is the global batch too. A2C has no minibatch (it steps on the whole `n_steps × n_envs` rollout): none.
// - PPO's `n_epochs` (10 by default) are passes over each rollout buffer ("Number of epoch when optimizing the
//   surrogate loss"), not epochs over a data set; the run's length is `total_timesteps`, environment steps. An `epochs`
//   read from `n_epochs` is dropped.
// - one process on one device: `device="auto"` takes the GPU when there is one, else the CPU
//   (stable_baselines3/common/utils.py `get_device`); SB3 has no data-parallel training. Vectorised environments
//   (`SubprocVecEnv`) are environment processes, not training devices.
// - float32: SB3 builds no autocast or gradient scaler; policies are float32 modules.
// - no checkpoint while it learns unless a callback writes one: `learn(total_timesteps, callback=None, …)` saves
//   nothing itself; `CheckpointCallback(save_freq=…)` or `EvalCallback(best_model_save_path=…)` do (the callbacks
//   guide). A `learn` without any callback, not repeated in a loop (`for i in …: model.learn(…); model.save(…)` saves
//   between chunks), writes no checkpoint an interrupted run could resume from.
import type { SyntaxNode } from '../parse/python';
import { findCalls } from '../parse/python-syntax';
import type { Fact, FactKey } from '../types';
import { multiDevice } from './single-device';

const CALLBACKS_URL = 'https://stable-baselines3.readthedocs.io/en/master/guide/callbacks.html';

const DEFAULT_BATCH: Record<string, number> = {
  PPO: 64,
  MaskablePPO: 64,
  RecurrentPPO: 128,
  DQN: 32,
  QRDQN: 32,
  SAC: 256,
  TD3: 256,
  DDPG: 256,
  TQC: 256,
  CrossQ: 256,
};
const AGENTS = [...Object.keys(DEFAULT_BATCH), 'A2C'];
/** An agent built (`PPO("MlpPolicy", env, …)`), not loaded (`PPO.load(…)`). */
const BUILT = new RegExp(`(?<![\\w.])(${AGENTS.join('|')})\\s*\\(`, 'g');
/** An agent loaded to train on (`model = PPO.load(path, env=env)` then `model.learn(…)`): its settings are the file's. */
const LOADED = new RegExp(`(?<![\\w.])(${AGENTS.join('|')})\\.load\\s*\\(`, 'g');
const IMPORTS_SB3 = /^[ \t]*(from|import)[ \t]+(stable_baselines3|sb3_contrib)\b/m;

/** `from stable_baselines3 import PPO, DQN` / `from sb3_contrib import (QRDQN, …)`: the names imported from the library. */
const FROM_SB3 = /^[ \t]*from[ \t]+(?:stable_baselines3|sb3_contrib)(?:\.\w+)*[ \t]+import[ \t]+(\([^)]*\)|[^\n]*)/gm;

function libraryNames(text: string): Set<string> {
  const names = [...text.matchAll(FROM_SB3)].flatMap((m) =>
    m[1]
      .replace(/[()]/g, '')
      .split(',')
      .map((n) => n.trim().split(/\s+as\s+/)[0]),
  );
  return new Set(names);
}

/** The library's agent classes the script builds (or loads); a project's own `PPO` class is not one. */
function agentsOf(text: string, re: RegExp, lib: Set<string>): Set<string> {
  return new Set([...text.matchAll(re)].map((m) => m[1]).filter((a) => lib.has(a)));
}

/**
 * Defaults of the one stable-baselines3 agent class a training script builds (or loads to train further), for the
 * facts it does not state.
 */
export function sb3Defaults(file: string, text: string, facts: Map<FactKey, Fact>, root?: SyntaxNode): void {
  if (!IMPORTS_SB3.test(text) || !/\.learn\s*\(/.test(text)) return;
  const lib = libraryNames(text);
  const agents = agentsOf(text, BUILT, lib);
  const loaded = agentsOf(text, LOADED, lib);
  const all = new Set([...agents, ...loaded]);
  if (all.size !== 1) return;
  const [agent] = all;
  const set = (key: FactKey, value: Fact['value'], note: string, origin: Fact['origin'] = 'framework-default') =>
    facts.set(key, { key, value, origin, file, note });
  const ep = facts.get('epochs');
  if (ep && /n_epochs/.test(ep.note ?? '')) facts.delete('epochs');
  // A loaded agent keeps the batch it was saved with: only a built one takes the default.
  const batch = agents.size ? DEFAULT_BATCH[agent] : undefined;
  if (!facts.has('micro_batch') && !facts.has('global_batch') && batch !== undefined)
    set('micro_batch', batch, `${agent}(…) without batch_size: stable-baselines3's default minibatch of ${batch}`);
  const mb = facts.get('micro_batch');
  if (!facts.has('global_batch') && typeof mb?.value === 'number' && batch !== undefined)
    set(
      'global_batch',
      mb.value,
      `${agent} steps on one minibatch in one process: the global batch is the minibatch`,
      'inferred',
    );
  if ((!facts.has('devices') || facts.get('devices')?.origin === 'assumed') && !multiDevice([text]))
    set(
      'devices',
      1,
      `a stable-baselines3 ${agent} trains in one process on one device (device="auto": the GPU when there is one)`,
      'inferred',
    );
  if (!facts.has('precision'))
    set('precision', 'fp32', `stable-baselines3 trains ${agent} in float32 (no autocast or gradient scaler)`);
  if (root && !facts.has('periodic_save') && !facts.has('save_steps') && learnsWithoutSaving(root, text))
    set(
      'periodic_save',
      'no',
      `${agent}.learn(…) without a callback, and not repeated in a loop: stable-baselines3 writes no checkpoint while it learns (${CALLBACKS_URL})`,
    );
}

/** Every `….learn(…)` passes no callback (keyword or second positional) and runs outside any loop. */
function learnsWithoutSaving(root: SyntaxNode, text: string): boolean {
  const calls = findCalls(root, text, ['learn']).filter((c) => c.callee.endsWith('.learn'));
  if (!calls.length) return false;
  return calls.every((c) => {
    if (c.kwargs.has('callback') || c.positional.length > 1 || c.hasSplat) return false;
    for (let at = c.node.parent; at; at = at.parent)
      if (at.type === 'for_statement' || at.type === 'while_statement') return false;
    return true;
  });
}
