import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * What keeps the repository one a newcomer can change: nothing generated committed, nothing cited
 * that a clone lacks, no export that nothing imports.
 */

const ROOT = join(__dirname, '..');
const sourcesIn = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|json|md)$/.test(e.name) && !e.parentPath.includes('node_modules') && !e.parentPath.includes(`${join('bench', 'dist')}`))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
const FILES = [...sourcesIn('src'), ...sourcesIn('test'), ...sourcesIn('bench'), ...sourcesIn('docs'), 'README.md', 'CONTRIBUTING.md'];
const text = (file: string) => readFileSync(join(ROOT, file), 'utf8');

describe('the repository', () => {
  it('commits nothing generated: the build computes it into dist/', () => {
    expect(existsSync(join(ROOT, 'src', 'generated'))).toBe(false);
  });

  it('cites no file outside it (a clone has only what is committed)', () => {
    const outside = /VENDORS\.md|\.\.\/shared|shared seeds?\b|vendor seed|vendor-specs\//;
    // This file names them to look for them.
    expect(FILES.filter((file) => file !== relative(ROOT, __filename) && outside.test(text(file)))).toEqual([]);
  });

  it('exports nothing that nothing imports', () => {
    const code = FILES.filter((file) => file.endsWith('.ts'));
    const unused = code.flatMap((file) =>
      [...text(file).matchAll(/export (?:const|function|interface|type|class|let) (\w+)/g)]
        .map((m) => m[1]!)
        // A vendor's test harness is found by its folder, not imported by name.
        .filter((name) => name !== 'harness')
        .filter((name) => !code.some((other) => other !== file && new RegExp(`\\b${name}\\b`).test(text(other))))
        .map((name) => `${file}: ${name}`),
    );
    expect(unused).toEqual([]);
  });
});
