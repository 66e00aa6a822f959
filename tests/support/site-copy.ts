import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const PROJECT_FILES = ['src', 'content', 'public', 'scripts', 'astro.config.mjs', 'package.json', 'tsconfig.json'];

/** A throw-away copy of the project, to build the site with changed content. */
export function copySite(): { root: string; remove: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'site-copy-'));
  for (const entry of PROJECT_FILES) cpSync(entry, join(root, entry), { recursive: true });
  symlinkSync(resolve('node_modules'), join(root, 'node_modules'));
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}
