import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** The cache stand-in, run by bench/standin.ts in its own process: what a handler event needs, and its round-trip count. */
export interface ExternalCache {
  event: { rpc_base: string };
  calls(): Promise<number>;
  /** Forgets every key: the next delivery of a body is new again (each fresh process's is). */
  reset(): Promise<void>;
  close(): void;
}

export const startExternalCache = async (): Promise<ExternalCache> => {
  const child = spawn(process.execPath, [join(__dirname, 'standin.js')], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const next = () => new Promise<string>((resolve) => lines.once('line', resolve));
  const event = JSON.parse(await next()) as { rpc_base: string };
  // Core signs each RPC call; a deploy key keeps it from streaming logs anywhere.
  process.env.ZAPIER_DEPLOY_KEY ??= 'local-cache-stand-in';
  return {
    event,
    calls: async () => {
      const answer = next();
      child.stdin.write('calls\n');
      return Number(await answer);
    },
    reset: async () => {
      const answer = next();
      child.stdin.write('reset\n');
      await answer;
    },
    close: () => {
      child.stdin.end();
      child.kill();
    },
  };
};
