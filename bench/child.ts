/**
 * One fresh process, as a cold Lambda container: load the app through core's handler, process one
 * delivery, report. Run by run.ts; argv: <app entry> <trigger key> <bundle file> <cache event (JSON)>.
 */
import { readFileSync } from 'node:fs';
import { compileOnce } from './compile-once';

const [appPath, trigger, bundleFile, cacheEvent] = process.argv.slice(2) as [string, string, string, string];

const main = async () => {
  const { createAppHandler } = require(require.resolve('zapier-platform-core', { paths: [process.cwd()] })) as {
    createAppHandler: (app: string) => (event: object) => Promise<{ results: unknown[] }>;
  };
  // What a core that compiles the definition once per process would cost (docs/performance.md): measured, never shipped.
  if (process.env.BENCH_COMPILE_ONCE) compileOnce(require.resolve('zapier-platform-core/src/tools/schema', { paths: [process.cwd()] }));
  const handler = createAppHandler(appPath);
  const bundle = JSON.parse(readFileSync(bundleFile, 'utf8')) as object;
  const event = { command: 'execute', method: `triggers.${trigger}.operation.perform`, bundle, ...(JSON.parse(cacheEvent) as object) };
  const { results } = await handler(event);
  // The parent times the whole process; this reports what only the process itself can know.
  const cpu = process.cpuUsage();
  process.stdout.write(`${JSON.stringify({ items: results.length, maxRssKb: process.resourceUsage().maxRSS, cpuMs: (cpu.user + cpu.system) / 1000 })}\n`);
};

main().catch((error) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
