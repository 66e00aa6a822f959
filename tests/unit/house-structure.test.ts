import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * The house has floors: src/lib/ (pure logic) at the bottom, src/publish/ (what the build keeps on
 * disk and runs beside Astro) on it, src/loaders/ (files to typed entries) above, then the pages,
 * components and config. An import points down or along a floor, never up, and never in a cycle.
 */
const FLOORS = ['src/lib', 'src/publish', 'src/loaders'];
const SOURCE = /\.(ts|mjs|astro)$/;
const IMPORT = /(?:^|[\s;])(?:import|export)\s[^'"`]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s*['"]([^'"]+)['"]/gm;

const sources = (folder: string): string[] =>
  readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => SOURCE.test(name))
    .map((name) => join(folder, name));
const ALL = [...sources('src'), ...sources('scripts'), 'astro.config.mjs'];

/** The project files a file imports, by relative address. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)]
    .map((match) => match[1] ?? match[2] ?? match[3])
    .filter((address) => address.startsWith('.'))
    .map((address) => normalize(join(dirname(file), address)));
}
const floorOf = (file: string) => FLOORS.findIndex((floor) => file.startsWith(`${floor}/`));

describe('the house', () => {
  it('finds the imports it judges', () => {
    expect(importsOf('src/publish/site/publish.ts')).toContain('src/publish/lock.ts');
    expect(importsOf('src/loaders/articles/entries.ts')).toContain('src/lib/content/read-article.ts');
  });

  it.each(FLOORS)('%s imports nothing from a floor above it', (floor) => {
    const upwards = sources(floor).flatMap((file) =>
      importsOf(file)
        .filter((target) => floorOf(target) > floorOf(file) || (target.startsWith('src/') && floorOf(target) === -1))
        .map((target) => `${file} → ${target}`),
    );
    expect(upwards).toEqual([]);
  });

  it('has no import cycle', () => {
    const graph = new Map(ALL.map((file) => [file, importsOf(file).filter((target) => ALL.includes(target))]));
    const cycles: string[] = [];
    const done = new Set<string>();
    const visit = (file: string, path: string[]) => {
      if (path.includes(file)) return cycles.push([...path.slice(path.indexOf(file)), file].join(' → '));
      if (done.has(file)) return;
      for (const target of graph.get(file) ?? []) visit(target, [...path, file]);
      done.add(file);
    };
    for (const file of ALL) visit(file, []);
    expect(cycles).toEqual([]);
  });

  it('keeps src/lib/ pure: no file system, process, global object, or modules that reach outside', () => {
    const impure = sources('src/lib').flatMap((file) => {
      const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      const found = [
        ...[...text.matchAll(/from\s+['"](node:(?:fs|fs\/promises|child_process|os|v8|worker_threads|net|http)|sharp|pagefind)['"]/g)].map((match) => match[1]),
        ...[...text.matchAll(/\b(process|globalThis)\s*\./g)].map((match) => match[1]),
      ];
      return found.map((what) => `${relative('.', file)}: ${what}`);
    });
    expect(impure).toEqual([]);
  });
});
