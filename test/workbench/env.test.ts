import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import app from '../../src/index';
import { envName, localConnection, localSetting } from '../../src/workbench/env';

describe('.env for local runs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'env-'));
  const file = join(dir, '.env');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads export lines, quotes and comments as a shell would, and says what it loaded (never the values)', () => {
    writeFileSync(
      file,
      [
        '# Boom',
        'export BOOM_WEBHOOK_SECRET="s3cret with spaces" # from Boom support',
        "BOOQABLE_COMPANY_SLUG='acme'",
        'ROMIFY_API_TOKEN="tok#en"',
        'UNRELATED=1',
      ].join('\n'),
    );
    const { authData, loaded } = localConnection(['boom_webhook_secret', 'booqable_company_slug', 'romify_api_token', 'claimable_api_token'], file);
    expect(authData).toEqual({ boom_webhook_secret: 's3cret with spaces', booqable_company_slug: 'acme', romify_api_token: 'tok#en' });
    expect(loaded).toEqual([
      { name: 'BOOM_WEBHOOK_SECRET', from: '.env' },
      { name: 'BOOQABLE_COMPANY_SLUG', from: '.env' },
      { name: 'ROMIFY_API_TOKEN', from: '.env' },
    ]);
  });

  it('lets the environment win over the file', () => {
    writeFileSync(file, 'BOOQABLE_COMPANY_SLUG=fromfile\n');
    process.env.BOOQABLE_COMPANY_SLUG = 'fromenv';
    try {
      expect(localConnection(['booqable_company_slug'], file)).toEqual({
        authData: { booqable_company_slug: 'fromenv' },
        loaded: [{ name: 'BOOQABLE_COMPANY_SLUG', from: 'environment' }],
      });
    } finally {
      delete process.env.BOOQABLE_COMPANY_SLUG;
    }
  });

  it('needs no file', () => {
    expect(localConnection(['boom_webhook_secret'], join(dir, 'missing.env'))).toEqual({ authData: {}, loaded: [] });
  });
});

describe('.env.example', () => {
  const root = join(__dirname, '..', '..');
  const example = readFileSync(join(root, '.env.example'), 'utf8');
  const variables = Object.keys(parseEnv(example));

  it('lists every connection field and every setting the workbench reads, each under a line that says what it is', () => {
    const fields = (app.authentication.fields ?? []).map((f) => envName(f.key));
    const source = readFileSync(join(root, 'src', 'workbench', 'server.ts'), 'utf8');
    const settings = [...source.matchAll(/(?:localSetting|numberFrom)\('([A-Z_]+)'/g)].map((m) => m[1]!);
    expect(settings.length).toBeGreaterThanOrEqual(5);
    expect([...fields, ...settings].filter((name) => !variables.includes(name))).toEqual([]);
    const lines = example.split('\n');
    const bare = lines.filter((line, i) => /^[A-Z_]+=/.test(line) && !lines[i - 1]!.startsWith('#') && !/^[A-Z_]+=/.test(lines[i - 1]!));
    expect(bare).toEqual([]);
  });

  it('holds no value: a copy is filled in by the person', () => {
    expect(Object.values(parseEnv(example)).filter((value) => value !== '')).toEqual([]);
  });

  it('a setting in .env is read when the environment has none', () => {
    const dir = mkdtempSync(join(tmpdir(), 'env-setting-'));
    try {
      writeFileSync(join(dir, '.env'), 'PORT=9911\n');
      expect(localSetting('PORT', join(dir, '.env'))).toBe('9911');
      expect(localSetting('HOST', join(dir, '.env'))).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
