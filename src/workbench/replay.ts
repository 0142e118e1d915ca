import { readFileSync } from 'node:fs';
import app from '../index';
import { createEngine, report, type Capture } from './engine';
import { localAuthData } from './env';

// npm run replay -- <trigger_key|vendor> <capture file>: a saved delivery, run as the server would.
const main = async () => {
  const [target, file] = process.argv.slice(2);
  if (!target || !file) {
    process.stderr.write('Usage: npm run replay -- <trigger_key|vendor> <capture file>\n');
    process.exit(2);
  }
  let capture: Capture;
  try {
    capture = JSON.parse(readFileSync(file, 'utf8')) as Capture;
  } catch (error) {
    process.stderr.write(`Cannot read ${file} as a capture: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  }
  const engine = createEngine(app as never, localAuthData((app.authentication.fields ?? []).map((f) => f.key)));
  const outcomes = await engine.run(target, { ...capture, method: capture.method ?? 'POST', headers: capture.headers ?? {} });
  if (!outcomes) {
    process.stderr.write(`Unknown trigger or vendor "${target}". Vendors: ${engine.targets().vendors.join(', ')}\n`);
    process.exit(2);
  }
  process.stdout.write(report(engine, target, outcomes) + '\n');
};

void main();
