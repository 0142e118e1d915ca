import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { buildApp } from '../src/app';
import { parseArgs, productionPackages, push, relayed, routeOf, targetOf, zapier, zipEach } from '../src/tools/deploy';
import { VENDORS } from '../src/vendors';
import { lambdaHandler } from '../src/workbench/handler';

/**
 * The deployable zips, built offline exactly as `npm run zip` and `npm run push` build them:
 * the combined app and one per vendor. Each is unpacked, loaded through zapier-platform-core and
 * validated by the CLI; it holds only what runs, and the build leaves nothing in the working tree.
 */

const ROOT = join(__dirname, '..');
const decompress = require('zapier-platform-cli/src/utils/decompress') as (zip: string, out: string) => Promise<unknown>;

const listAll = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)));

const gitStatus = () => execFileSync('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: ROOT, encoding: 'utf8' });

const EXCLUDED = [
  /^captures\//,
  /^test\//,
  /^bench\//,
  /^src\//,
  /^node_modules\/node\//,
  /^node_modules\/zod\//,
  /^node_modules\/jest/,
  /^node_modules\/@biomejs\//,
  /^dist\/tools\//,
  /^dist\/workbench\//,
];

const APPS = [undefined, ...VENDORS.map((v) => v.id)];
let statusBefore: string;
const zips = new Map<string | undefined, string>();

// One stage for every app, as `zipEach` builds them: the slow part (dependencies, links) is done once.
beforeAll(() => {
  statusBefore = gitStatus();
  const files = zipEach(
    APPS.map((vendor) => ({ target: targetOf(vendor) })),
    { quiet: true },
  );
  APPS.forEach((vendor, i) => {
    zips.set(vendor, files[i]!);
  });
});

describe.each(APPS)('the deployable zip of %s', (vendor) => {
  let unpacked: string;
  let zipFile: string;

  beforeAll(async () => {
    zipFile = zips.get(vendor)!;
    unpacked = mkdtempSync(join(tmpdir(), `zip-${vendor ?? 'combined'}-`));
    await decompress(zipFile, unpacked);
  });

  afterAll(() => rmSync(unpacked, { recursive: true, force: true }));

  it('is build/build.zip for the combined app, build/<vendor>.zip for one vendor', () => {
    expect(relative(ROOT, zipFile)).toBe(`build/${vendor ?? 'build'}.zip`);
    expect(statSync(zipFile).size).toBeGreaterThan(100_000);
  });

  it("holds that app's triggers, under the same keys, and a connection with only its vendors' fields", async () => {
    const vendors = VENDORS.filter((v) => vendor === undefined || v.id === vendor);
    const expected = buildApp(vendors);
    const loaded = require(join(unpacked, 'index.js')) as typeof expected;
    expect(Object.keys(loaded.triggers).sort()).toEqual(Object.keys(expected.triggers).sort());
    expect((loaded.authentication.fields ?? []).map((f) => f.key)).toEqual(vendors.flatMap((v) => v.adapter.credentials.fields.map((f) => f.key)));
    // It runs through core's handler as Zapier runs it: one delivery of its first trigger.
    const entry = vendors[0]!.entries.find((e) => !e.hidden)!;
    const handler = lambdaHandler(join(unpacked, 'index.js'));
    const { results } = await handler({
      command: 'execute',
      method: `triggers.${entry.key}.operation.perform`,
      bundle: { authData: {}, inputData: {}, cleanedRequest: entry.body, rawRequest: { headers: {}, content: JSON.stringify(entry.body) } },
      zcacheTestObj: {},
    });
    expect(results).toHaveLength(1);
  });

  it('loads only its own vendor code', () => {
    // A fresh Node process, as a cold Lambda container: which vendor folders does loading the app read?
    const script = `require(${JSON.stringify(join(unpacked, 'index.js'))}); process.stdout.write(JSON.stringify(Object.keys(require.cache)))`;
    const loaded = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as string[];
    const folders = new Set(
      loaded
        .map((path) => relative(join(unpacked, 'dist', 'vendors'), path))
        .filter((p) => !p.startsWith('..'))
        .map((p) => p.split('/')[0]),
    );
    expect([...folders].sort()).toEqual(vendor === undefined ? ['index.js', ...VENDORS.map((v) => v.id)].sort() : [vendor]);
  });

  it('holds only what runs: no captures, tests, bench, sources, Node binary, zod or dev packages', () => {
    const paths = listAll(unpacked);
    expect(paths.filter((p) => EXCLUDED.some((re) => re.test(p)))).toEqual([]);
    const production = new Set(productionPackages());
    const packages = new Set(
      paths.filter((p) => p.startsWith('node_modules/')).map((p) => p.match(/^((?:node_modules\/(?:@[^/]+\/)?[^/]+\/?)+)/)![1]!.replace(/\/$/, '')),
    );
    expect([...packages].filter((p) => !production.has(p))).toEqual([]);
  });

  it('passes the CLI validation (zapier-platform validate --without-style)', () => {
    const out = execFileSync(join(ROOT, 'node_modules', '.bin', 'zapier-platform'), ['validate', '--without-style'], {
      cwd: unpacked,
      encoding: 'utf8',
      env: { ...process.env, PATH: `${join(ROOT, 'node_modules', '.bin')}:${process.env.PATH}`, DISABLE_ZAPIER_ANALYTICS: '1' },
    });
    expect(out).toContain('This project is structurally sound!');
  });

  it('leaves nothing behind in the working tree', () => {
    expect(gitStatus()).toBe(statusBefore);
    expect(existsSync(join(ROOT, 'build', 'stage', vendor ?? 'build'))).toBe(false);
    for (const leftover of ['definition.json', 'zapierwrapper.js']) expect(existsSync(join(ROOT, leftover))).toBe(false);
  });
});

describe('each per-vendor app', () => {
  it.each(VENDORS.map((v) => v.id))('%s: its definition passes the platform schema', (id) => {
    const schema = require('zapier-platform-core/src/tools/schema');
    const app = buildApp(VENDORS.filter((v) => v.id === id));
    expect((schema.validateApp(schema.compileApp(app)) as { stack: string }[]).map((e) => e.stack)).toEqual([]);
  });
});

describe('deploy commands', () => {
  it('read --vendor, and refuse an unknown one', () => {
    expect(parseArgs(['--vendor', 'boom', 'link'])).toEqual({ vendor: 'boom', rest: ['link'] });
    expect(parseArgs(['register', 'My App'])).toEqual({ rest: ['register', 'My App'] });
    expect(() => targetOf('nobody')).toThrow(/Unknown vendor "nobody"/);
  });

  it("keep each per-vendor app's id in a file of its own", () => {
    expect(targetOf('booqable').configDir).toBe(join(ROOT, 'apps', 'booqable'));
    expect(targetOf(undefined).configDir).toBe(ROOT);
  });

  it("name the zip they wrote, and how to upload it, instead of the CLI's build/build.zip", () => {
    const output = '\nBuild complete! Created build/build.zip and build/source.zip.\nNow you can upload them with the zapier-platform upload command.\n';
    const text = relayed(output, 'build/booqable.zip', targetOf('booqable'));
    expect(text).toBe('build/booqable.zip written: upload it with `npm run push -- --vendor booqable` (it builds again, then uploads).');
    expect(text).not.toMatch(/build\/build\.zip|zapier-platform upload/);
  });

  it('route every CLI command that builds through the stage', () => {
    expect(routeOf(['build'])).toBe('zip');
    expect(routeOf(['push'])).toBe('push');
    expect(routeOf(['upload'])).toBe('push');
    expect(routeOf(['register', 'My App'])).toBe('cli');
    expect(routeOf(['versions'])).toBe('cli');
  });

  it('leave nothing behind when a command fails (a register that did not go through)', () => {
    // A vendor whose app is not registered here (none is on a fresh clone).
    const vendor = VENDORS.map((v) => v.id).find((id) => !existsSync(targetOf(id).configDir))!;
    const { configDir } = targetOf(vendor);
    const failing = () => {
      // The CLI runs with the folder and its files in place…
      expect(existsSync(join(configDir, '.zapierapprc'))).toBe(true);
      throw new Error('zapier-platform register failed (exit 1).');
    };
    expect(() => zapier(vendor, ['register', 'Its App'], failing)).toThrow(/register failed/);
    // …and after its failure nothing of it is left.
    expect(existsSync(configDir)).toBe(false);
  });

  it('build the app before any CLI command, so a fresh clone without dist/ works', () => {
    const scripts = (require('../package.json') as { scripts: Record<string, string> }).scripts;
    for (const name of ['zapier', 'zip', 'push']) expect(scripts[name]).toMatch(/^npm run build --silent && node dist\/tools\/deploy\.js /);
  });

  it('push says to register or link first when the app has no id, before building or calling anything', () => {
    expect(() => push('claimable')).toThrow(/no Zapier app id yet: run `npm run zapier -- --vendor claimable register "<title>"`/);
  });
});
