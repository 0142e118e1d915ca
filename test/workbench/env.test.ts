import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localConnection } from '../../src/workbench/env';

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
