import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listArticleFiles } from '../../src/loaders/article-files.ts';

let root: string;

function folderWith(...files: string[]) {
  root = mkdtempSync(join(tmpdir(), 'articles-'));
  for (const file of files) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), '');
  }
  return root;
}

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('listArticleFiles', () => {
  it('finds markdown files in sub-folders too, slugged by file name', () => {
    const folder = folderWith('b.md', '2025/01/a.md', 'notes.txt');
    expect(listArticleFiles(folder)).toEqual([
      { id: 'a', filePath: join(folder, '2025/01/a.md') },
      { id: 'b', filePath: join(folder, 'b.md') },
    ]);
  });

  it('stops at a duplicate slug, naming both files', () => {
    const folder = folderWith('politik/wahl.md', 'wirtschaft/wahl.md');
    expect(() => listArticleFiles(folder)).toThrow(
      `${join(folder, 'wirtschaft/wahl.md')}: the slug "wahl" is already taken by ${join(folder, 'politik/wahl.md')}; rename one of the files`,
    );
  });
});
