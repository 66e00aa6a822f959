import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const PROJECT_FILES = ['src', 'content', 'public', 'scripts', 'astro.config.mjs', 'package.json', 'tsconfig.json'];

/**
 * Links the project's installed packages into `root`, but not the caches Astro and Vite keep in
 * node_modules: a copy's builds and dev servers start cold and never touch the project's own.
 */
export function linkPackagesInto(root: string) {
  const modules = join(root, 'node_modules');
  mkdirSync(modules, { recursive: true });
  for (const name of readdirSync('node_modules')) {
    if (name !== '.astro' && name !== '.vite') symlinkSync(resolve('node_modules', name), join(modules, name));
  }
}

/** Copies the project's code and content into `root`, its packages linked. */
export function copyProjectInto(root: string) {
  for (const entry of PROJECT_FILES) cpSync(entry, join(root, entry), { recursive: true });
  linkPackagesInto(root);
}

/** A throw-away copy of the project, to build the site with changed content. */
export function copySite(): { root: string; remove: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'site-copy-'));
  copyProjectInto(root);
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}
