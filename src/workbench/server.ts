import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { join } from 'node:path';
import app from '../index';
import { entryByKey } from '../lib/vendor';
import { VENDORS } from '../vendors';
import { type Capture, createEngine, type Engine, report } from './engine';
import { localAuthData } from './env';

/** Zapier's own limit for a webhook body. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

export interface WorkbenchOptions {
  host?: string;
  port?: number;
  capturesDir?: string;
  authData?: Record<string, string>;
  print?: (text: string) => void;
}

class TooLarge extends Error {}

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new TooLarge());
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

const flatHeaders = (req: IncomingMessage): Record<string, string> =>
  Object.fromEntries(
    Object.entries(req.headers)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v)]),
  );

const saveCapture = (dir: string, capture: Capture): string => {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${capture.received_at!.replace(/[:.]/g, '-')}-${capture.target}.json`);
  writeFileSync(file, `${JSON.stringify(capture, null, 2)}\n`);
  return file;
};

/** Starts the local webhook workbench; resolves once it listens. */
export const startWorkbench = (options: WorkbenchOptions = {}): Promise<{ server: Server; url: string; engine: Engine }> => {
  const print = options.print ?? ((text: string) => process.stdout.write(`${text}\n`));
  const authFields = (app.authentication.fields ?? []).map((f) => f.key);
  const engine = createEngine(app, options.authData ?? localAuthData(authFields));
  const capturesDir = options.capturesDir ?? 'captures';

  const server = createServer(async (req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(`${JSON.stringify(body, null, 2)}\n`);
    };
    const target = decodeURIComponent((req.url ?? '/').split('?')[0]!.replace(/^\/+|\/+$/g, ''));
    if (req.method === 'GET' && target === '') return send(200, engine.targets());
    if (req.method !== 'POST') return send(405, { error: `Use POST to deliver to /${target || '<trigger_key or vendor>'}.` });
    if (!engine.targets().triggers.includes(target) && !engine.targets().vendors.includes(target)) {
      return send(404, { error: `Unknown trigger or vendor "${target}".`, ...engine.targets() });
    }
    let content: string;
    try {
      content = await readBody(req);
    } catch (error) {
      if (error instanceof TooLarge) return send(413, { error: `Body over ${MAX_BODY_BYTES} bytes, Zapier's limit for a webhook.` });
      return send(400, { error: 'Could not read the request body.' });
    }
    if (content.trim() === '') return send(400, { error: 'Empty body: a vendor delivery is a JSON object.' });
    try {
      JSON.parse(content);
    } catch {
      return send(400, { error: 'The body is not JSON: every vendor here posts JSON.' });
    }
    const capture: Capture = {
      vendor: target.split('_')[0],
      target,
      received_at: new Date().toISOString(),
      method: 'POST',
      headers: flatHeaders(req),
      content,
    };
    const saved = saveCapture(capturesDir, capture);
    const outcomes = (await engine.run(target, capture))!;
    print(`${report(engine, target, outcomes)}\n  saved as ${saved}`);
    send(200, { target, capture: saved, outcomes });
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8787, options.host ?? '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : options.port;
      resolve({ server, url: `http://${options.host ?? '127.0.0.1'}:${port}`, engine });
    });
  });
};

/** The start-up text: every URL, and a curl line that posts a catalog sample. */
export const banner = (url: string, engine: Engine): string => {
  const { vendors, triggers } = engine.targets();
  const sample = JSON.stringify(entryByKey(VENDORS, 'boom_enrollment_approved')?.delivery);
  return [
    `Webhook workbench listening on ${url}`,
    '',
    'Vendors (every trigger of the vendor is tried):',
    ...vendors.map((v) => `  ${url}/${v}`),
    '',
    `Triggers (${triggers.length}): ${url}/<trigger_key>, e.g. ${url}/${triggers[0]}`,
    '',
    'Try it:',
    `  curl -s -X POST ${url}/boom -H 'content-type: application/json' -d '${sample}'`,
    '',
    'Connection values come from .env (BOOQABLE_COMPANY_SLUG, BOOM_WEBHOOK_SECRET, …); deliveries are saved under captures/.',
  ].join('\n');
};

/** What to tell the user when the server cannot listen. */
export const startFailure = (error: NodeJS.ErrnoException, host: string, port: number): string => {
  const why = error.code === 'EADDRINUSE' ? `port ${port} on ${host} is already in use; set PORT to another one (PORT=${port + 1} npm start)` : error.message;
  return `The workbench could not start: ${why}.`;
};

if (require.main === module) {
  const port = Number(process.env.PORT ?? 8787);
  const host = process.env.HOST ?? '127.0.0.1';
  startWorkbench({ port, host })
    .then(({ url, engine }) => process.stdout.write(`${banner(url, engine)}\n`))
    .catch((error: NodeJS.ErrnoException) => {
      process.stderr.write(`${startFailure(error, host, port)}\n`);
      process.exit(1);
    });
}
