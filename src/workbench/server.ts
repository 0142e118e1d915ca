import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import app from '../index';
import type { JsonRecord, Vendor } from '../lib/catalog';
import { secretsEqual } from '../lib/values';
import { VENDORS } from '../vendors';
import { Bounded, type CaptureLimits, DEFAULT_CAPTURE_LIMITS, saveCapture } from './captures';
import { type Capture, createEngine, type Engine, grouped, report, type TriggerOutcome } from './engine';
import { connectionOf, envName, type LocalConnection, localSetting } from './env';
import { isLoopback, ownHosts, refusal } from './guard';
import { page } from './page';
import { curlHeader, markSecrets, shellQuote } from './secrets';

/** Zapier's own limit for a webhook body. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;
/** Bodies read at once: a sender holding many large bodies open gets a 503, not the server's memory. */
const MAX_PENDING_BODIES = 8;

interface WorkbenchOptions {
  host?: string;
  port?: number;
  capturesDir?: string;
  /** The connection's values; read from the environment and `.env` when not given. */
  connection?: LocalConnection;
  print?: (text: string) => void;
  /** How many deliveries and bytes are kept, in memory and under captures/. */
  limits?: CaptureLimits;
  /** Host names besides its own address the workbench answers to (a tunnel's). */
  hosts?: readonly string[];
  /** What lets a request through a tunnel read and resend deliveries (`WORKBENCH_SECRET`); none: only this machine. */
  secret?: string;
}

/** A delivery as the page shows it: what arrived, what fired with its fields, what refused or skipped it and why. */
interface DeliveryView {
  id: number;
  received_at: string;
  target: string;
  vendor: string;
  event?: string;
  query: string;
  fired: { trigger: string; label: string; items: NonNullable<TriggerOutcome['fields']> }[];
  rejected: { reason: string; triggers: string[] }[];
  skipped: { reason: string; triggers: string[] }[];
  curl: string;
  capture: string;
  resent_from?: number;
  /** What a polling trigger found in its vendor's API: no delivery to send again or copy. */
  polled?: true;
}

const ALLOW = 'GET, POST';
// Query parameters the workbench reads itself; every other one is a trigger input (`events`, `source`).
const OWN_PARAMS = new Set(['resend', 'verbose']);

class TooLarge extends Error {}

/** The host name of a Host header, without its port or brackets. */
const hostName = (header: string | undefined) =>
  (header ?? '')
    .toLowerCase()
    .replace(/:\d+$/, '')
    .replace(/^\[|\]$/g, '');

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

/** Headers as a vendor sent them; one sent twice with the same value is that value. */
const headersOf = (req: IncomingMessage): Record<string, string> =>
  Object.fromEntries(Object.entries(req.headersDistinct).map(([name, values]) => [name, [...new Set(values ?? [])].join(', ')]));

/** A path's target, or undefined when it is not a valid URL path (a bad `%` escape). */
const targetOf = (url: URL): string | undefined => {
  try {
    return decodeURIComponent(url.pathname).replace(/^\/+|\/+$/g, '');
  } catch {
    return undefined;
  }
};

/** The trigger inputs a request names: `?events=a,b&source=ui` → `{events: ['a', 'b'], source: 'ui'}`. */
const inputsOf = (url: URL): JsonRecord => {
  const inputs: JsonRecord = {};
  for (const [key, value] of url.searchParams) {
    if (OWN_PARAMS.has(key)) continue;
    inputs[key] =
      key === 'events'
        ? value
            .split(',')
            .map((v) => v.trim())
            .filter(Boolean)
        : value;
  }
  return inputs;
};

// Headers a vendor's own request would not carry (the client's, the browser's): left out of a curl line.
const NOT_THE_VENDORS = /^(host|content-length|connection|accept(-.*)?|user-agent|origin|referer|cookie|sec-.*|priority|dnt|cache-control|pragma)$/;

/** A curl line that posts the delivery again: everything quoted, the connection's secrets read from the shell's variables, never printed. */
const curlOf = (url: string, path: string, capture: Capture, secretHeaders: Record<string, string[]>): string => {
  const headers = Object.entries(capture.headers)
    .filter(([name]) => !NOT_THE_VENDORS.test(name))
    .map(([name, value]) => ` -H ${curlHeader(name, value, Object.hasOwn(secretHeaders, name) ? secretHeaders[name] : [])}`);
  return `curl -s -X POST ${shellQuote(`${url}/${path}`)}${headers.join('')} -d ${shellQuote(capture.content)}`;
};

/** Text for a terminal: control characters (but line breaks) as visible escapes, `\x1b` for ESC. */
export const visible = (text: string): string =>
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what this finds.
  text.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);

/** Starts the local webhook workbench; resolves once it listens. */
export const startWorkbench = (options: WorkbenchOptions = {}): Promise<{ server: Server; url: string; engine: Engine; connection: LocalConnection }> => {
  // What a delivery carries reaches the terminal with its control characters shown, never obeyed (a clipboard write, cursor moves).
  const print = (text: string) => (options.print ?? ((t: string) => process.stdout.write(`${t}\n`)))(visible(text));
  // Core exits the process after 250 invocations above 450 MB: a guard for a Lambda container, not a long-lived local server.
  (require('zapier-platform-core/src/constants') as { KILL_MAX_LIMIT: number }).KILL_MAX_LIMIT = Number.POSITIVE_INFINITY;
  const connection = options.connection ?? connectionOf(app);
  const engine = createEngine(app, VENDORS, connection.authData);
  const capturesDir = options.capturesDir ?? 'captures';
  const limits = options.limits ?? DEFAULT_CAPTURE_LIMITS;
  const { vendors, triggers } = engine.targets();
  const known = (target: string) => vendors.includes(target) || triggers.includes(target);
  const host = options.host ?? '127.0.0.1';
  let hosts = new Set<string>();
  let base = '';
  // Kept for the page and for "Send again": the capture as it arrived (secrets included) stays in this process only.
  const deliveries = new Bounded<{ view: DeliveryView; capture: Capture; inputData: JsonRecord }>(limits);
  let nextId = 1;

  /** Runs a delivery, prints its report, keeps it for the page; the answer's body. */
  const deliver = async (
    target: string,
    capture: Capture,
    inputData: JsonRecord,
    { resend = false, verbose = false, resentFrom }: { resend?: boolean; verbose?: boolean; resentFrom?: number } = {},
  ) => {
    const { headers: markedHeaders, secretHeaders } = markSecrets(capture.headers, connection.authData);
    const marked = { ...capture, inputData, headers: markedHeaders, ...(Object.keys(secretHeaders).length > 0 ? { secretHeaders } : {}) };
    const saved = saveCapture(capturesDir, marked, limits);
    const outcomes = (await engine.run(target, capture, { inputData, resend }))!;
    const duplicate = outcomes.some((o) => o.outcome === 'skipped' && o.reason?.startsWith('duplicate of delivery'));
    const hint = duplicate ? `\n  a repeat of a delivery already passed on was skipped: add ?resend=1 to pass it on again` : '';
    print(`${report(target, outcomes, { verbose })}${hint}\n  saved as ${saved.file}${saved.removed ? `\n  ${saved.removed}` : ''}`);
    const query = new URLSearchParams(Object.entries(inputData).map(([k, v]): [string, string] => [k, Array.isArray(v) ? v.join(',') : String(v)])).toString();
    const fired = outcomes.filter((o) => o.outcome === 'fired');
    const skipped = outcomes.filter((o) => o.outcome === 'skipped');
    const event = engine.eventOf(target, capture);
    const view: DeliveryView = {
      id: nextId++,
      received_at: capture.received_at!,
      target,
      vendor: engine.vendorOf(target)?.name ?? target,
      ...(event !== undefined ? { event } : {}),
      query,
      fired: fired.map((o) => ({ trigger: o.trigger, label: o.label, items: o.fields ?? [] })),
      rejected: grouped(outcomes.filter((o) => o.outcome === 'rejected')),
      skipped: grouped(skipped),
      curl: curlOf(base, query ? `${target}?${query}` : target, marked, secretHeaders),
      capture: saved.file,
      ...(resentFrom ? { resent_from: resentFrom } : {}),
    };
    deliveries.add({ view, capture, inputData }, capture.content.length);
    return {
      target,
      capture: saved.file,
      ...(duplicate ? { resend: 'This delivery repeats one already passed on; post it again with ?resend=1 to pass it on anyway.' } : {}),
      outcomes: outcomes
        .filter((o) => o.outcome !== 'skipped')
        .map(({ trigger, label, outcome, reason, fields }) => ({
          trigger,
          label,
          outcome,
          ...(reason ? { reason } : {}),
          ...(fields ? { items: fields } : {}),
        })),
      skipped: { count: skipped.length, reasons: Object.fromEntries(skipped.map((o) => [o.trigger, o.reason])) },
    };
  };

  /** The sample a vendor posts for a target, with the secret header its check wants when one is configured. */
  const bodyCapture = (target: string, inputData: JsonRecord = {}): Capture | undefined => {
    // A trigger's key, or a vendor's id (its first trigger's): a part of a key names neither.
    const key = triggers.includes(target)
      ? target
      : vendors.includes(target)
        ? triggers.find((t) => t.startsWith(`${target}_`) && !engine.hidden(t))
        : undefined;
    const body = key ? engine.bodyOf(key, inputData) : undefined;
    if (!key || !body) return undefined;
    const header = engine.vendorOf(key)?.adapter.secretHeader;
    const secret = header ? connection.authData[header.credential] : undefined;
    const headers = { 'content-type': 'application/json', ...(header && secret ? { [header.name]: secret } : {}) };
    return { vendor: key.split('_')[0], target, received_at: new Date().toISOString(), method: 'POST', headers, content: JSON.stringify(body) };
  };

  const secret = options.secret ?? localSetting('WORKBENCH_SECRET');
  const holdsSecret = (req: IncomingMessage, url: URL) => {
    const given = req.headers['x-workbench-key'] ?? url.searchParams.get('key');
    return Boolean(secret && typeof given === 'string' && secretsEqual(given, secret));
  };
  let pendingBodies = 0;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(`${JSON.stringify(body, null, 2)}\n`);
    };
    const refused = refusal(req.headers, hosts);
    if (refused) {
      // Not read, and not kept open: a refused request ends here.
      req.resume();
      return send(403, { error: `Refused: ${refused}.` }, { connection: 'close' });
    }
    const url = new URL(req.url ?? '/', 'http://workbench.local');
    // Through a tunnel (a Host that is not this machine's loopback), a vendor may post deliveries; what
    // the workbench shows and resends is the person's at the machine, or theirs who hold its secret.
    if (!isLoopback(hostName(req.headers.host)) && !(req.method === 'POST' && known(targetOf(url) ?? '')) && !holdsSecret(req, url)) {
      req.resume();
      return send(403, {
        error:
          'Through this address the workbench takes deliveries only (POST /<vendor> or /<trigger_key>): reading and resending them needs the machine it runs on, or WORKBENCH_SECRET as ?key=.',
      });
    }
    const target = targetOf(url);
    if (target === undefined)
      return send(400, { error: `The path "${req.url}" is not a valid URL path (a bad % escape). Post to /<vendor> or /<trigger_key>.` });
    if (target === '') {
      if (req.method !== 'GET') return send(405, { error: 'Post to /<vendor> or /<trigger_key>; GET / lists them.' }, { allow: 'GET' });
      const help = banner(base, engine, connection);
      if ((req.headers.accept ?? '').includes('text/html')) {
        res.writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          'content-security-policy': "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:",
        });
        return res.end(page(help));
      }
      return send(200, { vendors, triggers, page: `${base}/ in a browser`, help });
    }
    // The page's own calls.
    if (target === '_/deliveries' && req.method === 'GET')
      return send(200, { deliveries: deliveries.list().map((d) => d.view), dropped: deliveries.dropped, limits });
    if (target === '_/triggers' && req.method === 'GET') {
      const visible = triggers.filter((t) => !engine.hidden(t));
      const list = await Promise.all(
        visible.map(async (key) => ({
          key,
          label: engine.label(key),
          vendor: engine.vendorOf(key)?.name ?? '',
          ...(engine.isPoll(key) ? { poll: true } : {}),
          inputs: (await engine.inputFields(key))
            .filter((f) => f.choices)
            .map((f) => ({ key: f.key, label: f.label, choices: f.choices, list: Boolean(f.list) })),
        })),
      );
      return send(200, list);
    }
    const resend = /^_\/deliveries\/(\d+)\/resend$/.exec(target);
    if (resend) {
      if (req.method !== 'POST') return send(405, { error: 'POST to send a delivery again.' }, { allow: 'POST' });
      const kept = deliveries.find((d) => d.view.id === Number(resend[1]));
      if (!kept) return send(404, { error: `No delivery #${resend[1]} is kept (the oldest are let go).` });
      const again = { ...kept.capture, received_at: new Date().toISOString() };
      return send(200, await deliver(kept.view.target, again, kept.inputData, { resend: true, resentFrom: kept.view.id }));
    }
    const polled = /^_\/poll\/(.+)$/.exec(target);
    if (polled) {
      const key = polled[1]!;
      if (req.method !== 'POST') return send(405, { error: 'POST to check the vendor for new records, as Zapier polls.' }, { allow: 'POST' });
      if (!engine.isPoll(key)) return send(404, { error: `No polling trigger "${key.slice(0, 200)}".` });
      const inputData = inputsOf(url);
      const wrong = await engine.checkInputs(key, inputData);
      if (wrong) return send(400, { error: `Not a trigger input: ${wrong}.` });
      const outcome = await engine.poll(key, inputData);
      print(report(key, [outcome], {}));
      const query = new URLSearchParams(
        Object.entries(inputData).map(([k, v]): [string, string] => [k, Array.isArray(v) ? v.join(',') : String(v)]),
      ).toString();
      const view: DeliveryView = {
        id: nextId++,
        received_at: new Date().toISOString(),
        target: key,
        vendor: engine.vendorOf(key)?.name ?? key,
        event: `checked for new records, as Zapier does every few minutes`,
        query,
        fired: outcome.outcome === 'fired' ? [{ trigger: key, label: outcome.label, items: outcome.fields ?? [] }] : [],
        rejected: outcome.outcome === 'rejected' ? grouped([outcome]) : [],
        skipped: outcome.outcome === 'skipped' ? grouped([outcome]) : [],
        curl: '',
        capture: '',
        polled: true,
      };
      deliveries.add({ view, capture: { vendor: view.vendor, target: key, method: 'POST', headers: {}, content: '' }, inputData }, 0);
      return send(200, view);
    }
    if (engine.isPoll(target))
      return send(400, { error: `${target} is checked every few minutes, not delivered to: POST /_/poll/${target} checks the vendor now, as Zapier would.` });
    const sampleOf = /^_\/sample\/(.+)$/.exec(target);
    if (sampleOf) {
      if (req.method !== 'POST') return send(405, { error: "POST to send a trigger's sample." }, { allow: 'POST' });
      const inputData = inputsOf(url);
      const capture = bodyCapture(sampleOf[1]!, inputData);
      if (!capture) return send(404, { error: `No sample for "${sampleOf[1]!.slice(0, 200)}".` });
      const wrong = await engine.checkInputs(sampleOf[1]!, inputData);
      if (wrong) return send(400, { error: `Not a trigger input: ${wrong}.` });
      return send(200, await deliver(sampleOf[1]!, capture, inputData, { resend: true }));
    }
    if (!known(target)) return send(404, { error: `Unknown trigger or vendor "${target.slice(0, 200)}".`, vendors, triggers });
    const subscribed = VENDORS.find((v) => v.id === target && v.adapter.eventFromSubscription);
    if (subscribed && req.method === 'POST') {
      req.resume();
      const own = triggers.filter((t) => t.startsWith(`${target}_`) && !engine.isPoll(t));
      return send(400, {
        error: `${subscribed.name} names no event in its deliveries: each of its hooks is for one trigger. Post to that trigger: ${own.map((t) => `/${t}`).join(', ')}.`,
      });
    }
    if (req.method === 'GET') {
      // The body to post, as it is: posted back, it is the trigger's sample delivery.
      const sample = bodyCapture(target);
      return send(200, sample ? JSON.parse(sample.content) : {});
    }
    if (req.method !== 'POST') return send(405, { error: `Use POST to deliver to /${target}, GET for its sample delivery.` }, { allow: ALLOW });

    if (pendingBodies >= MAX_PENDING_BODIES) {
      req.resume();
      return send(503, { error: `The workbench is reading ${MAX_PENDING_BODIES} bodies already: send this one again shortly.` }, { 'retry-after': '1' });
    }
    let content: string;
    pendingBodies += 1;
    try {
      content = await readBody(req);
    } catch (error) {
      if (error instanceof TooLarge) return send(413, { error: `Body over ${MAX_BODY_BYTES} bytes, Zapier's limit for a webhook.` });
      return send(400, { error: 'Could not read the request body.' });
    } finally {
      pendingBodies -= 1;
    }
    if (content.trim() === '') return send(400, { error: 'Empty body: a vendor delivery is a JSON object.' });
    try {
      JSON.parse(content);
    } catch {
      return send(400, { error: 'The body is not JSON: every vendor here posts JSON.' });
    }
    const inputData = inputsOf(url);
    const wrong = await engine.checkInputs(target, inputData);
    if (wrong) return send(400, { error: `Not a trigger input: ${wrong}.` });
    const capture: Capture = { vendor: target.split('_')[0], target, received_at: new Date().toISOString(), method: 'POST', headers: headersOf(req), content };
    send(200, await deliver(target, capture, inputData, { resend: url.searchParams.has('resend'), verbose: url.searchParams.has('verbose') }));
  };

  const server = createServer((req, res) => {
    // Nothing a request does may stop the server: an unexpected failure is a 500 for that request.
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) return res.end();
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(`${JSON.stringify({ error: `The workbench failed on this request: ${error instanceof Error ? error.message : String(error)}` })}\n`);
    });
  });
  // A request Node cannot even parse (oversized headers, garbage) gets a 400, and the server goes on.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
    else socket.destroy();
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8787, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : (options.port ?? 8787);
      hosts = ownHosts(host, port, options.hosts ?? (localSetting('WORKBENCH_HOSTS') ?? '').split(','));
      base = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
      resolve({ server, url: base, engine, connection });
    });
  });
};

/** A vendor's authenticity check by a secret header, as the workbench runs it: on when its credential is set. */
const secretChecks = (vendors: readonly Vendor[], connection: LocalConnection) =>
  vendors.flatMap((vendor) => {
    const header = vendor.adapter.secretHeader;
    if (!header) return [];
    return [{ vendor, header: header.name, variable: envName(header.credential), on: Boolean(connection.authData[header.credential]) }];
  });

/** Query parameters a person can try: the events picker of a subscription vendor, and a vendor's own trigger input. */
const inputExamples = (url: string, vendors: readonly Vendor[]): string[] => {
  const picker = vendors.find((v) => v.hooks === 'rest' && v.anyEvent);
  const pickable = picker?.anyEvent?.choices.filter((e) => !e.hidden).slice(0, 2) ?? [];
  const withInput = vendors.find((v) => v.adapter.triggerInputs?.length);
  const input = withInput?.adapter.triggerInputs?.[0];
  const choice = input && Object.keys(input.choices).find((c) => c !== input.default);
  const entry = withInput?.entries.find((e) => !e.hidden);
  return [
    ...(picker?.anyEvent && pickable.length > 0 ? [`${url}/${picker.anyEvent.key}?events=${pickable.map((e) => e.events[0]).join(',')}`] : []),
    ...(input && choice && entry ? [`${url}/${entry.key}?${input.key}=${choice}`] : []),
  ];
};

/** The start-up text: what was loaded, which authenticity checks are on, and a ready curl line per vendor. */
export const banner = (url: string, engine: Engine, connection: LocalConnection, vendors: readonly Vendor[] = VENDORS): string => {
  const { triggers } = engine.targets();
  const checks = secretChecks(vendors, connection);
  const curl = (vendor: Vendor) => {
    // The vendor's shortest sample keeps the line pasteable.
    // The triggers a delivery reaches (a polling trigger has no body to post).
    const samples = triggers.flatMap((t) => {
      const body = t.startsWith(`${vendor.id}_`) && !engine.hidden(t) ? engine.bodyOf(t) : undefined;
      return body ? [{ trigger: t, body: JSON.stringify(body) }] : [];
    });
    const shortest = samples.reduce((a, b) => (b.body.length < a.body.length ? b : a), samples[0] ?? { trigger: vendor.id, body: '{}' });
    // A vendor whose bodies name no event reaches the trigger its hook is for: the line posts to it.
    const target = vendor.adapter.eventFromSubscription ? shortest.trigger : vendor.id;
    // The secret itself is never printed: the shell fills it in from the variable.
    const check = checks.find((c) => c.vendor === vendor && c.on);
    const secret = check ? ` -H "${check.header}: $${check.variable}"` : '';
    return `  curl -s -X POST ${url}/${target} -H 'content-type: application/json'${secret} -d ${shellQuote(shortest.body)}`;
  };
  const on = checks.filter((c) => c.on);
  const example = checks[0]?.variable ?? envName(vendors[0]?.adapter.credentials.fields[0]?.key ?? 'field');
  const inputs = inputExamples(url, vendors);
  const listening = new URL(url).hostname.replace(/^\[|\]$/g, '');
  return [
    `Webhook workbench listening on ${url} (set PORT and HOST to change it)`,
    `Open ${url}/ in a browser: each delivery appears there as it arrives, with the fields a Zap gets.`,
    ...(isLoopback(listening)
      ? []
      : [
          `Warning: HOST=${listening} listens beyond this machine: anyone who reaches it can post deliveries. Requests must name this address (or one in WORKBENCH_HOSTS).`,
        ]),
    ...(isLoopback(listening) && !localSetting('WORKBENCH_HOSTS')
      ? []
      : [
          `From beyond this machine (a tunnel in WORKBENCH_HOSTS, or HOST): deliveries may be posted; the page, the deliveries it keeps (their bodies: a lead's email, a customer's details) and "Send again" are ${localSetting('WORKBENCH_SECRET') ? 'open to whoever adds ?key=<WORKBENCH_SECRET>' : 'for this machine only (set WORKBENCH_SECRET to open them with ?key=)'}.`,
        ]),
    '',
    connection.loaded.length > 0
      ? `Connection values loaded: ${connection.loaded.map((l) => `${l.name} (${l.from})`).join(', ')} (read at start: restart after changing them)`
      : `Connection values loaded: none (set them in the environment or .env, e.g. ${example}=…, see .env.example; read at start only)`,
    ...checks.map((c) =>
      c.on
        ? `${c.vendor.name}'s authenticity check is on: a delivery to a ${c.vendor.name} trigger needs the ${c.header} header with ${c.variable}.`
        : `${c.vendor.name}'s authenticity check is off (${c.variable} is not set): any delivery is accepted.`,
    ),
    '',
    'Try a delivery (each posts that vendor’s sample; every trigger of the vendor is tried):',
    ...vendors.map(curl),
    ...(on.length > 0
      ? [
          `  (the ${on.map((c) => c.vendor.name).join(' and ')} line reads ${on.map((c) => c.variable).join(' and ')} from your shell: export it, or \`set -a; . ./.env; set +a\`)`,
        ]
      : []),
    '',
    `One trigger (${triggers.filter((t) => !engine.isPoll(t)).length}): POST ${url}/<trigger_key>; GET it for its sample delivery, ready to post.`,
    ...(triggers.some((t) => engine.isPoll(t))
      ? [
          `A trigger Zapier checks every few minutes: POST ${url}/_/poll/<trigger_key> checks the vendor's API now, with the connection's keys (the page's Send does it).`,
        ]
      : []),
    ...(inputs.length > 0 ? [`Trigger inputs as query parameters: ${inputs.join(', ')}`] : []),
    'A repeated delivery is skipped as a duplicate, as in a Zap: add ?resend=1 to pass it on again; ?verbose=1 lists every skipped trigger.',
    'Deliveries are saved under captures/ (secret headers replaced by {{NAME}} markers); replay one with npm run replay -- <target> <file>.',
  ].join('\n');
};

/** What to tell the user when the server cannot listen. */
export const startFailure = (error: NodeJS.ErrnoException, host: string, port: number): string => {
  const why = error.code === 'EADDRINUSE' ? `port ${port} on ${host} is already in use; set PORT to another one (PORT=${port + 1} npm start)` : error.message;
  return `The workbench could not start: ${why}.`;
};

/** A whole number from the environment, or the default when it is unset or not one. */
const numberFrom = (name: string, fallback: number) => {
  const value = Number(localSetting(name) ?? Number.NaN);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

/** What it keeps, from CAPTURES_MAX and CAPTURES_MAX_MB (.env.example). */
const limitsFromEnvironment = (): CaptureLimits => ({
  count: Math.floor(numberFrom('CAPTURES_MAX', DEFAULT_CAPTURE_LIMITS.count)),
  bytes: numberFrom('CAPTURES_MAX_MB', DEFAULT_CAPTURE_LIMITS.bytes / 1024 / 1024) * 1024 * 1024,
});

if (require.main === module) {
  const port = Number(localSetting('PORT') ?? 8787);
  const host = localSetting('HOST') ?? '127.0.0.1';
  startWorkbench({ port, host, limits: limitsFromEnvironment() })
    .then(({ server, url, engine, connection }) => {
      process.stdout.write(`${banner(url, engine, connection)}\n`);
      // Stopped by a signal (Ctrl-C, or npm forwarding one), the server closes and the process ends.
      for (const signal of ['SIGINT', 'SIGTERM'] as const) {
        process.once(signal, () => {
          server.closeAllConnections();
          server.close(() => process.exit(0));
        });
      }
    })
    .catch((error: NodeJS.ErrnoException) => {
      process.stderr.write(`${startFailure(error, host, port)}\n`);
      process.exit(1);
    });
}
