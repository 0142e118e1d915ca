import { readFileSync } from 'node:fs';
import app from '../index';
import { type Capture, createEngine, report } from './engine';
import { localAuthData } from './env';

/** Runs a saved delivery as the server would; returns the report, or throws a usage message. */
export const replay = async (target: string | undefined, file: string | undefined, authData?: Record<string, string>): Promise<string> => {
  if (!target || !file) throw new Error('Usage: npm run replay -- <trigger_key|vendor> <capture file>');
  let capture: Capture;
  try {
    capture = JSON.parse(readFileSync(file, 'utf8')) as Capture;
  } catch (error) {
    throw new Error(`Cannot read ${file} as a capture: ${error instanceof Error ? error.message : String(error)}`);
  }
  const engine = createEngine(app, authData ?? localAuthData((app.authentication.fields ?? []).map((f) => f.key)));
  const outcomes = await engine.run(target, { ...capture, method: capture.method ?? 'POST', headers: capture.headers ?? {} });
  if (!outcomes) throw new Error(`Unknown trigger or vendor "${target}". Vendors: ${engine.targets().vendors.join(', ')}`);
  return report(engine, target, outcomes);
};

if (require.main === module) {
  const [target, file] = process.argv.slice(2);
  replay(target, file)
    .then((text) => process.stdout.write(`${text}\n`))
    .catch((error: Error) => {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    });
}
