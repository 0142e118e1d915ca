import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { VENDORS } from '../vendors';

/**
 * Deploying: `npm run zip` / `npm run push` / `npm run zapier`, for the combined app or, with
 * `--vendor <id>`, one vendor's own app from the same catalog.
 *
 * Every build is staged in build/stage/<app>/: the compiled app (hard links to dist/), only the
 * production dependencies, a generated package.json and index.js, and the app's .zapierapprc.
 * The CLI then builds there with --skip-dep-install: it copies nothing (its full-project copy
 * fails with EMFILE on a tree this size), the zip holds only what runs, and nothing is written
 * into the working tree.
 */

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'node_modules', '.bin');
// Core's dependencies that Node ≥ 22.12 loads as .mjs, which the CLI's dependency detection misses.
const INCLUDE_IN_BUILD = ['node_modules/(async-function|async-generator-function|generator-function)/(require|index)\\.mjs$'];

export interface Target {
  /** `build` for the combined app, else the vendor id: names the zip and the stage folder. */
  name: string;
  vendor?: string;
  /** Where this app's .zapierapprc (its Zapier app id, once registered or linked) lives. */
  configDir: string;
}

export const targetOf = (vendor: string | undefined): Target => {
  if (vendor === undefined) return { name: 'build', configDir: ROOT };
  if (!VENDORS.some((v) => v.id === vendor)) throw new Error(`Unknown vendor "${vendor}". Vendors: ${VENDORS.map((v) => v.id).join(', ')}`);
  return { name: vendor, vendor, configDir: join(ROOT, 'apps', vendor) };
};

const readJson = (file: string): Record<string, unknown> => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

const PACKAGE = readJson(join(ROOT, 'package.json')) as { name: string; version: string; dependencies: Record<string, string> };

/** The package name of an app: the project's, or for a vendor's own app the project's with the vendor id. */
const packageName = (target: Target) => (target.vendor ? `${PACKAGE.name}-${target.vendor}` : PACKAGE.name);

/** The app's .zapierapprc: its id once registered or linked, and the includeInBuild the build needs. */
const appConfig = (target: Target) => {
  const file = join(target.configDir, '.zapierapprc');
  const existing = existsSync(file) ? readJson(file) : {};
  return { ...existing, includeInBuild: INCLUDE_IN_BUILD };
};

/** A file tree linked (not copied) into the stage; a copy where links cannot cross devices. */
const linkTree = (from: string, to: string, skip: (name: string) => boolean = () => false) => {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (skip(entry.name)) continue;
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) linkTree(source, target);
    else if (entry.isFile()) {
      try {
        linkSync(source, target);
      } catch {
        cpSync(source, target);
      }
    }
  }
};

/** The installed production dependency tree (what `npm install --omit=dev` would give), as paths from the root. */
export const productionPackages = (): string[] =>
  execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
    .split('\n')
    .map((line) => relative(ROOT, line.trim()))
    .filter((path) => path.startsWith('node_modules'));

/**
 * The entry of a vendor's own app. It loads that vendor's folder alone, not the registry: the other
 * vendors' code and catalogs would only lengthen its cold start.
 */
const vendorIndex = (id: string) =>
  [
    `// ${id}'s own Zapier app, built from the shared catalog by \`npm run zip -- --vendor ${id}\`.`,
    "const { buildApp } = require('./dist/app');",
    '',
    `const vendor = Object.values(require('./dist/vendors/${id}')).find((value) => value && value.id === ${JSON.stringify(id)});`,
    'module.exports = buildApp([vendor]);',
    '',
  ].join('\n');

/** Writes what differs between apps into a stage: the entry, package.json, .zapierapprc. */
const writeEntry = (dir: string, target: Target, index?: string) => {
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ name: packageName(target), version: PACKAGE.version, private: true, main: 'index.js', dependencies: PACKAGE.dependencies }, null, 2)}\n`,
  );
  writeFileSync(join(dir, 'index.js'), index ?? (target.vendor ? vendorIndex(target.vendor) : readFileSync(join(ROOT, 'index.js'), 'utf8')));
  writeFileSync(join(dir, '.zapierapprc'), `${JSON.stringify(appConfig(target), null, 2)}\n`);
};

/**
 * Lays out the app in build/stage/<name>/ (or `dir`) and returns that folder; `index` replaces the
 * app's entry (the benchmark's minimal app).
 */
export const stage = (target: Target, index?: string, dir = join(ROOT, 'build', 'stage', target.name)): string => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeEntry(dir, target, index);
  // The CLI's source.zip takes what git would: the staged app, not its dependencies.
  writeFileSync(join(dir, '.gitignore'), 'node_modules/\nbuild/\n');
  linkTree(join(ROOT, 'dist'), join(dir, 'dist'), (entry) => entry === 'tools' || entry === 'workbench' || entry.startsWith('.'));
  for (const path of productionPackages()) linkTree(join(ROOT, path), join(dir, path), (entry) => entry === 'node_modules');
  return dir;
};

/** Runs the Zapier CLI in a folder, on the Node 22 the project installs; `quiet` keeps its output unless it fails. */
const cli = (cwd: string, args: readonly string[], { quiet = false } = {}): string => {
  const result = spawnSync(join(BIN, 'zapier-platform'), args, {
    cwd,
    stdio: quiet ? 'pipe' : 'inherit',
    encoding: 'utf8',
    env: { ...process.env, PATH: `${BIN}:${process.env.PATH ?? ''}`, DISABLE_ZAPIER_ANALYTICS: '1' },
  });
  if (result.status !== 0)
    throw new Error(`zapier-platform ${args.join(' ')} failed (exit ${result.status ?? result.signal}).${quiet ? `\n${result.stdout}${result.stderr}` : ''}`);
  return `${result.stdout ?? ''}${result.stderr ?? ''}`;
};

type CliRunner = (cwd: string, args: readonly string[]) => unknown;

/**
 * The CLI's build report as it applies here: its zip is moved to build/<name>.zip and its source
 * zip goes with the stage, so its "Created build/build.zip … upload them with zapier-platform
 * upload" lines are replaced by where the zip is and the command that uploads it.
 */
export const relayed = (output: string, zipFile: string, target: Target): string => {
  const flag = target.vendor ? ` -- --vendor ${target.vendor}` : '';
  const kept = output
    .split('\n')
    .filter((line) => !/Build complete!|build\/(build|source)\.zip|zapier-platform upload|--skip-dep-install/.test(line))
    .join('\n')
    .trim();
  return `${kept ? `${kept}\n` : ''}${zipFile} written: upload it with \`npm run push${flag}\` (it builds again, then uploads).`;
};

/** Builds the app's zip offline: build/build.zip for the combined app, build/<vendor>.zip for one vendor. */
export const zip = (vendor?: string, options: { quiet?: boolean } = {}): string => zipStaged(targetOf(vendor), undefined, options);

/** Builds a staged app's zip as build/<name>.zip (`index`: another entry, as the benchmark's minimal app). */
export const zipStaged = (target: Target, index?: string, options: { quiet?: boolean } = {}): string => zipEach([{ target, index }], options)[0]!;

/**
 * Builds several apps' zips from one stage: the compiled app and the production dependencies are
 * laid out once, and only each app's entry, package.json and .zapierapprc change between builds.
 */
export const zipEach = (apps: readonly { target: Target; index?: string }[], { quiet = false } = {}): string[] => {
  const [first] = apps;
  if (!first) return [];
  const dir = stage(first.target, first.index);
  try {
    return apps.map(({ target, index }) => {
      writeEntry(dir, target, index);
      const output = cli(dir, ['build', '--skip-validation', '--skip-dep-install'], { quiet: true });
      const out = join(ROOT, 'build', `${target.name}.zip`);
      renameSync(join(dir, 'build', 'build.zip'), out);
      if (!quiet) process.stdout.write(`${relayed(output, relative(process.cwd(), out), target)}\n`);
      return out;
    });
  } finally {
    cleanUp(dir);
  }
};

/** The stage folder goes, and build/stage with it once empty. */
const cleanUp = (dir: string) => {
  rmSync(dir, { recursive: true, force: true });
  const parent = join(ROOT, 'build', 'stage');
  if (existsSync(parent) && readdirSync(parent).length === 0) rmSync(parent, { recursive: true });
};

/** Builds and uploads the app (needs `register` or `link` first, and the network). */
export const push = (vendor?: string) => {
  const target = targetOf(vendor);
  if (!('id' in appConfig(target))) {
    const flag = vendor ? ` -- --vendor ${vendor}` : '';
    throw new Error(
      `This app has no Zapier app id yet: run \`npm run zapier${flag} register "<title>"\` (a new app) or \`npm run zapier${flag} link\` (an existing one) first.`,
    );
  }
  const dir = stage(target);
  try {
    cli(dir, ['push', '--skip-dep-install']);
  } finally {
    cleanUp(dir);
  }
};

/**
 * The CLI commands that build the app, and what runs them through the stage instead: the CLI's own
 * build copies the whole project and fails with EMFILE on a tree this size.
 */
const THROUGH_THE_STAGE: Record<string, 'zip' | 'push'> = { build: 'zip', push: 'push', upload: 'push' };

/** What `npm run zapier -- <command>` runs: a building command through the stage, any other in the app's folder. */
export const routeOf = (args: readonly string[]): 'zip' | 'push' | 'cli' => THROUGH_THE_STAGE[args[0] ?? ''] ?? 'cli';

/**
 * Any other CLI command (register, link, versions, promote, migrate, users:add …) for the app, in
 * the folder that keeps its id. What it creates for the command (the folder, a .zapierapprc with
 * no id, a package.json) goes again when the command fails, so a failed register leaves nothing.
 */
export const zapier = (vendor: string | undefined, args: readonly string[], run: CliRunner = cli) => {
  const route = routeOf(args);
  if (route === 'zip') return void zip(vendor);
  if (route === 'push') return push(vendor);
  const target = targetOf(vendor);
  const madeDir = !existsSync(target.configDir);
  mkdirSync(target.configDir, { recursive: true });
  const file = join(target.configDir, '.zapierapprc');
  const madeConfig = !existsSync(file);
  if (madeConfig) writeFileSync(file, `${JSON.stringify({ includeInBuild: INCLUDE_IN_BUILD }, null, 2)}\n`);
  // register and link read package.json for the app's name; a vendor's folder gets a small one for the while.
  const pkg = join(target.configDir, 'package.json');
  const made = !existsSync(pkg);
  if (made) writeFileSync(pkg, `${JSON.stringify({ name: packageName(target), version: PACKAGE.version, private: true })}\n`);
  try {
    run(target.configDir, args);
  } catch (error) {
    if (madeConfig && !('id' in readJson(file))) rmSync(file, { force: true });
    if (madeDir && made) rmSync(pkg, { force: true });
    if (madeDir && readdirSync(target.configDir).length === 0) rmSync(target.configDir, { recursive: true });
    throw error;
  } finally {
    if (made && existsSync(pkg)) rmSync(pkg);
  }
};

/** `[--vendor <id>] [rest…]` */
export const parseArgs = (argv: readonly string[]): { vendor?: string; rest: string[] } => {
  const rest = [...argv];
  const at = rest.indexOf('--vendor');
  if (at < 0) return { rest };
  const vendor = rest[at + 1];
  if (!vendor) throw new Error('--vendor needs a vendor id');
  rest.splice(at, 2);
  return { vendor, rest };
};

if (require.main === module) {
  const [command, ...argv] = process.argv.slice(2);
  try {
    const { vendor, rest } = parseArgs(argv);
    if (command === 'zip') zip(vendor);
    else if (command === 'push') push(vendor);
    else if (command === 'cli') zapier(vendor, rest);
    else throw new Error('Usage: deploy.js zip|push|cli [--vendor <id>] [zapier-platform arguments]');
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
