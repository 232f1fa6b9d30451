// Runs inside the real VS Code extension host (bench/editor/run.mjs passes it as extensionTestsPath):
// typing into one PRD while "Validate Workspace" works through a large workspace. Measures, for each
// burst of keystrokes, the time from the last keystroke to the edited document's diagnostics, and the
// extension host's longest event-loop stall (this file runs in the same host, on the same loop, as the
// extension). Writes the figures as JSON to $PMDOCS_EDITOR_BENCH_OUT. A benchmark, not a test.

import { writeFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { PmdocsApi } from '../../src/extension/extension.js';

const KEYS_PER_BURST = 5;
const KEY_GAP_MS = 40; // a fast typist

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The extension host's memory once every file is validated: its heap after a full collection when the
 * host allows one (what the extension keeps), and the process's peak RSS so far.
 */
function memory(): { heapAfterGcMiB: number | undefined; peakRssMiB: number } {
  // The host does not expose gc(); V8 lets a running process turn the flag on and hand it out.
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as (() => void) | undefined;
  gc?.();
  const mib = (bytes: number) => Math.round(bytes / 1048576);
  return { heapAfterGcMiB: gc ? mib(process.memoryUsage().heapUsed) : undefined, peakRssMiB: mib(process.resourceUsage().maxRSS * 1024) };
}

/**
 * With PMDOCS_EDITOR_BENCH_PROFILE=<file>, a CPU profile of the extension host over the measured phases
 * (to see what a stall is made of); none otherwise.
 */
async function startProfile(file: string | undefined): Promise<{ stop(): Promise<void> } | undefined> {
  if (!file) return undefined;
  const { Session } = await import('node:inspector');
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) => session.post(method, params ?? {}, (e, r) => (e ? reject(e) : resolve(r))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 1000 });
  await post('Profiler.start');
  return {
    async stop() {
      const { profile } = (await post('Profiler.stop')) as { profile: unknown };
      writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}

/** Longest gap between 5 ms ticks, minus the tick: a stall detector independent of the histogram. */
function stallWatch() {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last - 5);
    last = now;
  }, 5);
  return {
    reset: () => ((longest = 0), (last = performance.now())),
    longest: () => longest,
    stop: () => clearInterval(timer),
  };
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! : NaN;
};

export async function run(): Promise<void> {
  const out = process.env['PMDOCS_EDITOR_BENCH_OUT'];
  const bursts = Number(process.env['PMDOCS_EDITOR_BENCH_BURSTS'] ?? 30);
  const extension = vscode.extensions.getExtension<PmdocsApi>('pmdocs.pmdocs');
  if (!extension) throw new Error('pmdocs.pmdocs is not installed');
  const api = await extension.activate();
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder');

  const [prd] = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, 'prd/PRD-100-*.md'), undefined, 1);
  if (!prd) throw new Error('no prd/PRD-100-*.md in the workspace');
  const doc = await vscode.workspace.openTextDocument(prd);
  const editor = await vscode.window.showTextDocument(doc);
  const validatedAt = (version: number) =>
    new Promise<number>((resolve) => {
      const sub = api.onDidValidate((e) => {
        if (e.uri.toString() === doc.uri.toString() && e.version !== undefined && e.version >= version) {
          sub.dispose();
          resolve(performance.now());
        }
      });
    });
  await validatedAt(doc.version).catch(() => undefined);
  let fromDisk = 0;
  const counter = api.onDidValidate((e) => {
    if (e.version === undefined) fromDisk++;
  });

  /** One burst: KEYS_PER_BURST characters typed at the end of line 10's text, then the wait for diagnostics. */
  const burst = async () => {
    for (let k = 0; k < KEYS_PER_BURST; k++) {
      const line = doc.lineAt(Math.min(10, doc.lineCount - 1));
      await editor.edit((b) => b.insert(line.range.end, k === KEYS_PER_BURST - 1 ? ' ' : 'x'));
      if (k < KEYS_PER_BURST - 1) await sleep(KEY_GAP_MS);
    }
    const last = performance.now();
    return (await validatedAt(doc.version)) - last;
  };

  // Warm-up (the first lints compile what the engine compiles once), then the measurements.
  for (let i = 0; i < 2; i++) await burst();
  const profiler = await startProfile(process.env.PMDOCS_EDITOR_BENCH_PROFILE);
  const loop = monitorEventLoopDelay({ resolution: 5 });
  const stalls = stallWatch();
  loop.enable();

  // Idle: the same bursts with nothing else running.
  const idle: number[] = [];
  for (let i = 0; i < Math.min(10, bursts); i++) idle.push(await burst());
  const idleStall = stalls.longest();
  const idleLoopMax = loop.max / 1e6;

  // Under load: Validate Workspace over every document while the bursts go on.
  loop.reset();
  stalls.reset();
  const started = performance.now();
  let validationMs: number | undefined;
  const validation = Promise.resolve(vscode.commands.executeCommand('pmdocs.validateWorkspace', { silent: true })).then(() => {
    validationMs = performance.now() - started;
  });
  const loaded: number[] = [];
  const filesAtBurst: number[] = [];
  for (let i = 0; i < bursts && validationMs === undefined; i++) {
    loaded.push(await burst());
    filesAtBurst.push(fromDisk);
  }
  const loadedStall = stalls.longest();
  const loadedLoopMax = loop.max / 1e6;
  const loadedLoopP99 = loop.percentile(99) / 1e6;
  await validation;
  const wholeStall = stalls.longest();
  const wholeLoopMax = loop.max / 1e6;
  loop.disable();
  stalls.stop();
  await profiler?.stop();
  counter.dispose();

  const result = {
    debounceMs: vscode.workspace.getConfiguration('pmdocs', doc.uri).get('debounceMs'),
    keysPerBurst: KEYS_PER_BURST,
    keyGapMs: KEY_GAP_MS,
    idle: {
      bursts: idle.length,
      p50: percentile(idle, 50),
      p95: percentile(idle, 95),
      max: Math.max(...idle),
      longestStallMs: Math.max(idleStall, idleLoopMax),
    },
    loaded: {
      bursts: loaded.length,
      p50: percentile(loaded, 50),
      p95: percentile(loaded, 95),
      max: Math.max(...loaded),
      longestStallMs: Math.max(loadedStall, loadedLoopMax),
      loopDelayP99Ms: loadedLoopP99,
      filesValidatedDuringBursts: filesAtBurst.at(-1) ?? 0,
    },
    validation: { files: fromDisk, ms: validationMs, longestStallMs: Math.max(wholeStall, wholeLoopMax), ...memory() },
    latencies: { idle, loaded },
  };
  if (out) writeFileSync(out, JSON.stringify(result, null, 1));
  console.log(`editor bench: ${JSON.stringify({ idle: result.idle, loaded: result.loaded, validation: result.validation })}`);
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}
