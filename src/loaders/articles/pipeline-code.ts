import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installedPackages } from '../../publish/installed-packages.ts';

/** The code that turns a file into an entry: the loaders, the content checks and the markdown pipeline. */
const FOLDERS = ['../', '../../lib/content/', '../../lib/markdown/'].map((folder) => fileURLToPath(new URL(folder, import.meta.url)));

/**
 * The source of that code and the installed packages (which include the pipeline's plugins), for
 * the digest of every entry: a change to any of it renders every article anew.
 */
export function pipelineCode(): string {
  // Stryker disable StringLiteral: equivalent, because without 'utf8' each file comes as a Buffer, and join() below turns it into the same text
  const code = FOLDERS.flatMap((folder) =>
    readdirSync(folder, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.ts'))
      .sort()
      .map((name) => readFileSync(join(folder, name), 'utf8')),
  );
  // Stryker restore StringLiteral
  return [...code, installedPackages()].join('\0');
}
