import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { z } from 'astro/zod';
import { afterAll, describe, expect, it } from 'vitest';
import { readDataFile, readIds, readYamlList } from '../../src/loaders/data-files.ts';

const folder = mkdtempSync(join(tmpdir(), 'data-file-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

let written = 0;
/** An authors.yaml with `text` in it, in a folder of its own. */
function file(text: string) {
  const path = join(folder, String(written++), 'authors.yaml');
  mkdirSync(dirname(path));
  writeFileSync(path, text);
  return path;
}
const AUTHORS = '# Autoren\n- id: sabine-gusbeth\n  name: Sabine Gusbeth\n- id: mareike-mueller\n  name: Mareike Müller\n';
const schema = z.strictObject({ id: z.string(), name: z.string().min(1), position: z.number().optional() });

const errorOf = (read: () => unknown) => {
  try {
    read();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the file to be refused');
};

describe('readYamlList', () => {
  it('reads the records and where each stands', () => {
    const path = file(AUTHORS);
    const { entries, lineOf } = readYamlList(path);
    expect(entries.map((entry) => entry.id)).toEqual(['sabine-gusbeth', 'mareike-mueller']);
    expect(lineOf([1, 'name'])).toBe(5);
  });

  it('names the line of a syntax error', () => {
    const path = file(AUTHORS.replace('name: Sabine Gusbeth', 'name: [Sabine'));
    expect(errorOf(() => readYamlList(path))).toMatch(new RegExp(`^${path}:4: the file is not valid YAML: `));
  });

  it('names a record without id and an id listed twice at their lines', () => {
    expect(errorOf(() => readYamlList(file(AUTHORS.replace('- id: mareike-mueller', '- ix: mareike-mueller'))))).toMatch(/:4: \[1\]\.id: expected a non-empty id$/);
    expect(errorOf(() => readYamlList(file(AUTHORS.replace('mareike-mueller', 'sabine-gusbeth'))))).toMatch(/:4: \[1\]\.id: "sabine-gusbeth" is listed twice$/);
  });

  it('names an id that is no text, an empty one and an empty record', () => {
    expect(errorOf(() => readYamlList(file(AUTHORS.replace('- id: mareike-mueller', '- id: 42'))))).toMatch(/:4: \[1\]\.id: expected a non-empty id$/);
    expect(errorOf(() => readYamlList(file(AUTHORS.replace('- id: mareike-mueller', '- id: ""'))))).toMatch(/:4: \[1\]\.id: expected a non-empty id$/);
    expect(errorOf(() => readYamlList(file(`${AUTHORS}-\n`)))).toMatch(/:6: \[2\]\.id: expected a non-empty id$/);
  });

  it('points at the id itself when it is not the first field of its record', () => {
    const idSecond = (id: string) => file(AUTHORS.replace('- id: mareike-mueller\n  name: Mareike Müller', `- name: Mareike Müller\n  id: ${id}`));
    expect(errorOf(() => readYamlList(idSecond('""')))).toMatch(/:5: \[1\]\.id: expected a non-empty id$/);
    expect(errorOf(() => readYamlList(idSecond('sabine-gusbeth')))).toMatch(/:5: \[1\]\.id: "sabine-gusbeth" is listed twice$/);
  });

  it('gives the ids other files may refer to', () => {
    expect(readIds(file(AUTHORS))).toEqual(['sabine-gusbeth', 'mareike-mueller']);
  });

  it('refuses anything but a list', () => {
    expect(errorOf(() => readYamlList(file('id: sabine-gusbeth\n')))).toMatch(/:1: expected a YAML list of entries, each with an `id`$/);
    expect(errorOf(() => readYamlList(file('')))).toMatch(/expected a YAML list/);
  });
});

describe('readDataFile', () => {
  it('checks every record against the schema and names the field and line of a mistake', () => {
    expect(readDataFile(file(AUTHORS), schema).entries.map((entry) => entry.data.name)).toEqual(['Sabine Gusbeth', 'Mareike Müller']);
    expect(errorOf(() => readDataFile(file(AUTHORS.replace('name: Mareike Müller', 'name: ""')), schema))).toMatch(/:5: \[1\]\.name: Too small/);
  });

  it('reports a misspelt field at its own line', () => {
    const path = file(AUTHORS.replace('  name: Mareike Müller', '  name: Mareike Müller\n  rolle: Korrespondentin'));
    expect(errorOf(() => readDataFile(path, schema))).toBe(`${path}:6: [1].rolle: is not a field authors have; check its spelling`);
  });

  it('gives each record its position in the file when asked to', () => {
    expect(readDataFile(file(AUTHORS), schema, { keepFileOrder: true }).entries.map((entry) => entry.data.position)).toEqual([0, 1]);
  });
});
