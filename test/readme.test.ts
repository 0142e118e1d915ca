import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withTable } from '../src/tools/trigger-table';

const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');

describe('README', () => {
  it('has the trigger table of the current catalog (run `npm run docs` after changing it)', () => {
    expect(readme).toBe(withTable(readme));
  });

  it('gives the quick start that CI runs', () => {
    const ci = readFileSync(join(__dirname, '..', '.ci', 'run'), 'utf8');
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm test');
    expect(ci).toMatch(/^npm test$/m);
  });
});
