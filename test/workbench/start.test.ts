import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

/** `npm start` runs the server in its own process: a signal to the command stops the server too, no orphan left. */

const ROOT = join(__dirname, '..', '..');

const started = (child: ChildProcess): Promise<string> =>
  new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match) {
        resolve(match[1]!);
      }
    });
    child.on('exit', () => reject(new Error(`npm start ended before listening: ${out}`)));
  });

describe('npm start', () => {
  it('stops its server when it is stopped with a signal', async () => {
    const child = spawn('npm', ['start', '--silent'], { cwd: ROOT, env: { ...process.env, PORT: '0', HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    const url = await started(child);
    expect((await fetch(url)).status).toBe(200);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    // The server went with it: nothing listens there any more.
    await expect(fetch(url)).rejects.toThrow();
  });
});
