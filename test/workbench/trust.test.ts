import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeItem } from '../../src/workbench/engine';
import { replay } from '../../src/workbench/replay';
import { banner, startWorkbench, visible } from '../../src/workbench/server';
import { entryOf } from '../support/runtime';

/**
 * The workbench tried as an attacker would: a request must not turn what it shows, copies or keeps
 * against the person using it. The real server on loopback.
 */

const SECRET = 'trust-boom-secret-Q7Z';
const TOKEN = 'trust-bq-token-4K8M2';
const authData = { boom_webhook_secret: SECRET, booqable_company_slug: 'acme', booqable_access_token: TOKEN };
let server: Server;
let url: string;
let dir: string;
const printed: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'trust-captures-'));
  const started = await startWorkbench({ port: 0, capturesDir: dir, connection: { authData, loaded: [] }, print: (t) => printed.push(t) });
  server = started.server;
  url = started.url;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

const body = JSON.stringify({ ...entryOf('boom_enrollment_approved').body, request_id: 'trust-1' });
const deliver = async (headers: Record<string, string>, target = 'boom', content = body) => {
  const answer = (await (
    await fetch(`${url}/${target}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: content })
  ).json()) as {
    capture: string;
  };
  const kept = (await (await fetch(`${url}/_/deliveries`)).json()) as { deliveries: { curl: string }[] };
  return { capture: readFileSync(answer.capture, 'utf8'), curl: kept.deliveries[0]!.curl };
};

/** What a POSIX shell makes of a copied curl line: each argument it would pass, with a hostile environment set. */
const argumentsOf = (curl: string): string[] =>
  execFileSync('bash', ['-c', curl.replace(/^curl /, "printf '%s\\n' ")], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: '/home/exfiltrated', ANY_TOKEN: 'exfiltrated-token', BOOM_WEBHOOK_SECRET: 'from-the-shell' },
  })
    .trim()
    .split('\n');

describe('"Copy as curl"', () => {
  it('quotes everything a request sent: no command runs and no other variable is read', async () => {
    const { curl } = await deliver({ 'x-`whoami`': '{{HOME}}', 'x-exfil': '{{ANY_TOKEN}}', 'x-api-key': SECRET });
    const args = argumentsOf(curl);
    expect(args).toContain('x-`whoami`: {{HOME}}');
    expect(args).toContain('x-exfil: {{ANY_TOKEN}}');
    expect(args.join('\n')).not.toMatch(/exfiltrated/);
    // The connection's own secret, and only it, comes from the shell.
    expect(args).toContain('x-api-key: from-the-shell');
  });
});

describe('a credential of the connection, in any header form', () => {
  it('is kept out of the capture, the page and the terminal, and only its header gets it back on replay', async () => {
    const { capture, curl } = await deliver({
      'x-api-key': SECRET,
      authorization: `Bearer ${TOKEN}`,
      'x-forwarded-token': `Token ${TOKEN}`,
      cookie: `session=1; token=${TOKEN}`,
      'x-note': '{{BOOQABLE_ACCESS_TOKEN}}',
    });
    const page = await (await fetch(`${url}/_/deliveries`)).text();
    for (const text of [capture, curl, page, printed.join('\n')]) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(TOKEN);
    }
    const saved = JSON.parse(capture) as { headers: Record<string, string>; secretHeaders: Record<string, string[]> };
    expect(saved.headers.authorization).toBe('Bearer {{BOOQABLE_ACCESS_TOKEN}}');
    expect(saved.headers.cookie).toBe('session=1; token={{BOOQABLE_ACCESS_TOKEN}}');
    expect(Object.keys(saved.secretHeaders).sort()).toEqual(['authorization', 'cookie', 'x-api-key', 'x-forwarded-token']);
    // Replayed, the marker-shaped text the request sent itself stays text.
    const file = join(dir, readdirSync(dir).sort().at(-1)!);
    const report = await replay('boom_enrollment_approved', file, authData);
    expect(report).toContain('fired');
    expect(report).not.toContain(TOKEN);
  });
});

describe('the terminal', () => {
  it('shows control characters a delivery carries, never obeys them', async () => {
    const hostile = JSON.stringify({
      ...entryOf('boom_enrollment_approved').body,
      request_id: 'trust-esc',
      customer_id: 'c\u001b]52;c;ZXZpbA==\u0007\u001b[2J',
    });
    printed.length = 0;
    await deliver({ 'x-api-key': SECRET }, 'boom', hostile);
    const text = printed.join('\n');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for them.
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(text).toContain('\\x1b]52;c;ZXZpbA==\\x07');
    expect(visible('a\nb\tc')).toBe('a\nb\\x09c');
  });
});

describe('bad targets and arguments', () => {
  it('answer 4xx or a clear message, never a 500 or a stack', async () => {
    expect((await fetch(`${url}/_/sample/boom`, { method: 'POST' })).status).toBe(200);
    // A part of a key names no trigger.
    expect((await fetch(`${url}/_/sample/boom_enrollment`, { method: 'POST' })).status).toBe(404);
    expect((await fetch(`${url}/_/sample/constructor`, { method: 'POST' })).status).toBe(404);
    expect((await fetch(`${url}/constructor`, { method: 'POST', body: '{}' })).status).toBe(404);
    await expect(replay('constructor', join(__dirname, '..', 'vendors', 'boom', 'fixtures', 'docs-issue-pending.json'), {})).rejects.toThrow(
      /Unknown trigger or vendor "constructor"/,
    );
  });
});

describe('describing an item', () => {
  it('reads each value a bounded number of times, however many lines and keys it has (a 200 KB list no longer blocks the server)', () => {
    let reads = 0;
    const counted = <T extends object>(value: T): T =>
      new Proxy(value, {
        get(target, key, receiver) {
          reads += 1;
          const inner = Reflect.get(target, key, receiver) as unknown;
          return inner && typeof inner === 'object' ? counted(inner) : inner;
        },
      });
    const lines = 2000;
    const item = counted({ id: 'big', records: Array.from({ length: lines }, (_, i) => ({ [`key_${i}`]: i, name: `line ${i}` })) });
    const described = describeItem([{ key: 'id', label: 'ID' }], item);
    expect(Object.keys(described.unlabelled)).toContain('records[]key_1999');
    expect(reads).toBeLessThan(lines * 40);
  });
});

describe('the picker', () => {
  it('sends "New … Event" a sample of an event picked for it, which fires it', async () => {
    const answer = (await (await fetch(`${url}/_/sample/booqable_event?events=payment.completed`, { method: 'POST' })).json()) as {
      outcomes: { trigger: string; outcome: string }[];
    };
    expect(answer.outcomes).toContainEqual(expect.objectContaining({ trigger: 'booqable_event', outcome: 'fired' }));
  });

  it("sends a vendor whose bodies name no event to the trigger its hook would be for, and says so when posted the vendor's way", async () => {
    const posted = await fetch(`${url}/romify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(entryOf('romify_event_starts').body),
    });
    expect(posted.status).toBe(400);
    expect(((await posted.json()) as { error: string }).error).toMatch(/Romify names no event in its deliveries.*\/romify_event_starts/);
  });
});

describe('a tunnel', () => {
  /** A request as it arrives through a tunnel: Host is the tunnel's name. */
  const viaTunnel = (base: string, path: string, method = 'GET', body?: string) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const { port } = new URL(base);
      const req = request({ host: '127.0.0.1', port, path, method, headers: { host: 'tunnel.example:443', 'content-type': 'application/json' } }, (res) => {
        let text = '';
        res.on('data', (c) => {
          text += c;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on('error', reject);
      req.end(body);
    });

  it('may post deliveries; reading and resending them needs this machine or the secret, and the banner says what is exposed', async () => {
    const started = await startWorkbench({
      port: 0,
      capturesDir: dir,
      connection: { authData: {}, loaded: [] },
      print: () => undefined,
      hosts: ['tunnel.example:443'],
      secret: 'wb-tunnel-secret-9',
    });
    try {
      const delivered = await viaTunnel(started.url, '/claimable_claim_created', 'POST', JSON.stringify(entryOf('claimable_claim_created').body));
      expect(delivered.status).toBe(200);
      for (const path of ['/', '/_/deliveries', '/_/triggers']) expect((await viaTunnel(started.url, path)).status).toBe(403);
      expect((await viaTunnel(started.url, '/_/deliveries/1/resend', 'POST')).status).toBe(403);
      expect((await viaTunnel(started.url, '/_/deliveries?key=wrong')).status).toBe(403);
      const opened = await viaTunnel(started.url, '/_/deliveries?key=wb-tunnel-secret-9');
      expect(opened.status).toBe(200);
      expect(opened.text).toContain('claimable_claim_created');
      // On this machine, the page is open.
      expect((await fetch(`${started.url}/_/deliveries`)).status).toBe(200);
      process.env.WORKBENCH_HOSTS = 'tunnel.example:443';
      try {
        expect(banner(started.url, started.engine, started.connection)).toMatch(
          /deliveries may be posted; the page, the deliveries it keeps .* are for this machine only/,
        );
        process.env.WORKBENCH_SECRET = 'wb-tunnel-secret-9';
        expect(banner(started.url, started.engine, started.connection)).toMatch(/open to whoever adds \?key=<WORKBENCH_SECRET>/);
      } finally {
        delete process.env.WORKBENCH_HOSTS;
        delete process.env.WORKBENCH_SECRET;
      }
    } finally {
      await new Promise((resolve) => started.server.close(resolve));
    }
  });
});

describe('unfinished bodies', () => {
  it('are bounded: past the limit a sender gets a 503, and the server goes on once they end', async () => {
    const { port } = new URL(url);
    const open = Array.from({ length: 8 }, () => {
      const req = request({
        host: '127.0.0.1',
        port,
        path: '/boom',
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': '5000000' },
      });
      req.on('error', () => undefined);
      req.write('{"event":"');
      return req;
    });
    // Until the server has started reading all of them (bounded: no clock, a number of tries).
    const post = (headers: Record<string, string> = {}) =>
      fetch(`${url}/boom`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    let busy = 0;
    for (let tries = 0; tries < 200 && busy !== 503; tries += 1) busy = (await post()).status;
    expect(busy).toBe(503);
    for (const req of open) req.destroy();
    let again = 0;
    for (let tries = 0; tries < 200 && again !== 200; tries += 1) again = (await post({ 'x-api-key': SECRET })).status;
    expect(again).toBe(200);
  });
});
