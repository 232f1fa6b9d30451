// measure.mjs: runs one command under GNU time (and coreutils timeout) and returns its wall time
// and peak RSS. %M is the largest maximum resident set size among the processes waited for, i.e.
// the biggest single process of the tree (worker threads live inside their process, so pmdocs's
// workers are counted).

import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';

export const GNU_TIME = '/usr/bin/time';

export function checkGnuTime() {
  if (!existsSync(GNU_TIME)) throw new Error(`${GNU_TIME} (GNU time) is missing; install the "time" package`);
}

/**
 * @param {string[]} argv command and arguments
 * @param {{cwd: string, stdout: string, stderr: string, timeoutS: number, env?: object}} o
 * @returns {Promise<{wallS: number, rssMiB: number, exitCode: number, timedOut: boolean}>}
 */
export function timed(argv, o) {
  const timeFile = `${o.stdout}.time`;
  rmSync(timeFile, { force: true });
  const out = openSync(o.stdout, 'w');
  const err = openSync(o.stderr, 'w');
  const started = process.hrtime.bigint();
  // `timeout` sends TERM, then KILL 5 s later; it exits 124 (or 137) when the limit was hit
  const child = spawn(GNU_TIME, ['-f', '%e %M', '-o', timeFile, 'timeout', '-k', '5', String(o.timeoutS), ...argv], {
    cwd: o.cwd,
    stdio: ['ignore', out, err],
    env: o.env ?? process.env,
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      closeSync(out);
      closeSync(err);
      const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
      const last = existsSync(timeFile) ? readFileSync(timeFile, 'utf8').trim().split('\n').pop() : '';
      const m = /^([\d.]+) (\d+)$/.exec(last ?? '');
      resolve({
        wallS: m ? Number(m[1]) : elapsed,
        rssMiB: m ? Number(m[2]) / 1024 : NaN,
        exitCode: code ?? -1,
        timedOut: code === 124 || code === 137,
      });
    });
  });
}

export const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
