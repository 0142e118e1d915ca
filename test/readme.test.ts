import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withGeneratedSections } from '../src/tools/readme';

const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');

describe('README', () => {
  it('has the trigger and credentials tables of the current registry (run `npm run docs` after changing it)', () => {
    expect(readme).toBe(withGeneratedSections(readme));
  });

  it('gives the quick start that CI runs', () => {
    const ci = readFileSync(join(__dirname, '..', '.ci', 'run'), 'utf8');
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm test');
    expect(ci).toMatch(/^npm test$/m);
  });
});
