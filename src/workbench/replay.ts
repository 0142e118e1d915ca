import { readFileSync } from 'node:fs';
import app from '../index';
import { isRecord, parseJson } from '../lib/values';
import { VENDORS } from '../vendors';
import { type Capture, createEngine, report } from './engine';
import { connectionOf } from './env';
import { restoreSecrets } from './secrets';

/** A file as a capture: a workbench capture as saved, or a plain vendor body (a documented example) as if posted. */
const captureOf = (text: string, authData: Record<string, string>): Capture => {
  const json = parseJson(text);
  if (isRecord(json) && typeof json.content === 'string' && isRecord(json.headers)) {
    const headers = Object.fromEntries(Object.entries(json.headers).map(([k, v]) => [k, String(v)]));
    // Only the headers the workbench marked get a secret back: a marker-shaped text a request sent stays text.
    const marked = isRecord(json.secretHeaders) ? json.secretHeaders : {};
    const secretHeaders = Object.fromEntries(Object.entries(marked).map(([k, v]) => [k, Array.isArray(v) ? v.map(String) : []]));
    return {
      method: typeof json.method === 'string' ? json.method : 'POST',
      headers: restoreSecrets(headers, secretHeaders, authData),
      content: json.content,
      // The trigger inputs it was posted with (`?events=…`): replayed without them, New … Event would skip it.
      ...(isRecord(json.inputData) ? { inputData: json.inputData } : {}),
    };
  }
  if (json === undefined) throw new Error('it is not JSON');
  return { method: 'POST', headers: { 'content-type': 'application/json' }, content: text };
};

/** Runs a saved delivery as the server would; returns the report, or throws a usage message. */
export const replay = async (target: string | undefined, file: string | undefined, authData?: Record<string, string>): Promise<string> => {
  if (!target || !file) throw new Error('Usage: npm run replay -- <trigger_key|vendor> <capture or vendor body file>');
  const connection = authData ?? connectionOf(app).authData;
  let capture: Capture;
  try {
    capture = captureOf(readFileSync(file, 'utf8'), connection);
  } catch (error) {
    throw new Error(`Cannot read ${file} as a capture or a vendor body: ${error instanceof Error ? error.message : String(error)}`);
  }
  const engine = createEngine(app, VENDORS, connection);
  const outcomes = await engine.run(target, capture, { inputData: capture.inputData ?? {} });
  if (!outcomes) throw new Error(`Unknown trigger or vendor "${target}". Vendors: ${engine.targets().vendors.join(', ')}`);
  // The server's hints (?verbose=1, ?resend=1) do not apply here.
  return report(target, outcomes, { server: false });
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
