/**
 * One fresh process, as a cold Lambda container: load the app through core's handler, process one
 * delivery, report. Run by run.ts; argv: <app entry> <trigger key> <body file>.
 */
import { readFileSync } from 'node:fs';
import { zapierRequest } from '../src/workbench/zapier-request';

const [appPath, trigger, bodyFile] = process.argv.slice(2) as [string, string, string];

const main = async () => {
  const { createAppHandler } = require(require.resolve('zapier-platform-core', { paths: [process.cwd()] })) as {
    createAppHandler: (app: string) => (event: object) => Promise<{ results: unknown[] }>;
  };
  const handler = createAppHandler(appPath);
  const content = readFileSync(bodyFile, 'utf8');
  const bundle = { authData: {}, inputData: {}, ...zapierRequest(content, { 'content-type': 'application/json' }) };
  const { results } = await handler({ command: 'execute', method: `triggers.${trigger}.operation.perform`, bundle, zcacheTestObj: {} });
  // The parent times the whole process; this reports what only the process itself can know.
  const cpu = process.cpuUsage();
  process.stdout.write(`${JSON.stringify({ items: results.length, maxRssKb: process.resourceUsage().maxRSS, cpuMs: (cpu.user + cpu.system) / 1000 })}\n`);
};

main().catch((error) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
