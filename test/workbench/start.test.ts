import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

/** `npm start` runs the server in its own process: a signal to the command stops the server too, no orphan left. */

const ROOT = join(__dirname, '..', '..');

/** Everything the process printed so far. */
let printed = '';

const started = (child: ChildProcess): Promise<string> =>
  new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      printed += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match) {
        resolve(match[1]!);
      }
    });
    child.on('exit', () => reject(new Error(`npm start ended before listening: ${out}`)));
  });

describe('npm start', () => {
  it('stops its server when it is stopped with a signal', async () => {
    // Outside jest's environment, as a person runs it: core's memory report would print here.
    const { NODE_ENV: _test, JEST_WORKER_ID: _worker, ...env } = process.env;
    const child = spawn('npm', ['start', '--silent'], {
      cwd: ROOT,
      env: { ...env, PORT: '0', HOST: '127.0.0.1', CAPTURES_DIR: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const url = await started(child);
    expect((await fetch(url)).status).toBe(200);
    // A session of posts: the terminal shows the workbench's own lines, none of core's memory reports.
    for (let i = 0; i < 3; i += 1) {
      const body = JSON.stringify({ event: 'issue_pending', request_id: `start-${i}`, customer_id: 'c' });
      expect((await fetch(`${url}/boom`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).status).toBe(200);
    }
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    expect(printed).toContain('boom_issue_pending fired');
    expect(printed).not.toContain('RSSMEM');
    // The server went with it: nothing listens there any more.
    await expect(fetch(url)).rejects.toThrow();
  });
});
