// Build benchmark: our site against a bare Astro 7 markdown template on the same N generated
// articles, in one run on one machine. Prints wall time, pages per second and peak memory
// (resident set of the whole process tree, sampled from /proc) for both, and their ratios.
// Usage: npm run bench -- [N=1000]   (Linux only; temp folders are removed afterwards)
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const count = Number(process.argv[2] ?? 1000);
const project = resolve('.');
const article = readFileSync('content/articles/xi-und-putin-sprechen-per-videoschalte.md', 'utf8');
const work = mkdtempSync(join(tmpdir(), 'bench-'));

/** node_modules of its own for each build, so Astro's caches start cold and do not mix. */
function linkDependencies(root: string) {
  const modules = join(root, 'node_modules');
  mkdirSync(modules);
  for (const name of readdirSync(join(project, 'node_modules'))) {
    if (name !== '.astro' && name !== '.vite') symlinkSync(join(project, 'node_modules', name), join(modules, name));
  }
}

/** N articles with the real article's structure, each its own slug, headline and time. */
function writeArticles(folder: string, images: string) {
  mkdirSync(folder, { recursive: true });
  for (let index = 0; index < count; index++) {
    const minutes = String(index % 60).padStart(2, '0');
    const day = String(1 + (index % 28)).padStart(2, '0');
    const source = article
      .replace(/^title: .*$/m, `title: Testartikel ${index}`)
      .replace(/^updated: .*$/m, `updated: 2025-02-${day}T10:${minutes}:00+01:00`)
      .replaceAll('../images/', images);
    writeFileSync(join(folder, `testartikel-${index}.md`), source);
  }
}

function ourSite(): string {
  const root = join(work, 'site');
  for (const entry of ['src', 'content', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    cpSync(join(project, entry), join(root, entry), { recursive: true });
  }
  linkDependencies(root);
  writeArticles(join(root, 'content/articles/generated'), '../../images/');
  return root;
}

/** The baseline: a glob-loaded collection and a one-line `<Content />` page, nothing else. */
function bareTemplate(): string {
  const root = join(work, 'bare');
  mkdirSync(join(root, 'src/pages/artikel'), { recursive: true });
  linkDependencies(root);
  writeFileSync(join(root, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(join(root, 'astro.config.mjs'), "import { defineConfig } from 'astro/config';\nexport default defineConfig({});\n");
  writeFileSync(
    join(root, 'src/content.config.ts'),
    "import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\n" +
      "export const collections = { articles: defineCollection({ loader: glob({ pattern: '**/*.md', base: './articles' }) }) };\n",
  );
  writeFileSync(
    join(root, 'src/pages/artikel/[id].astro'),
    "---\nimport { getCollection, render } from 'astro:content';\n" +
      "export async function getStaticPaths() { return (await getCollection('articles')).map((entry) => ({ params: { id: entry.id }, props: { entry } })); }\n" +
      'const { Content } = await render(Astro.props.entry);\n---\n<Content />\n',
  );
  writeArticles(join(root, 'articles'), '../images/');
  return root;
}

/** Sum of the resident memory of a process and all its descendants, in bytes. */
function treeRss(pid: number): number {
  let total = 0;
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const parent = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  const visit = (id: number) => {
    try {
      total += Number(/^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${id}/status`, 'utf8'))?.[1] ?? 0) * 1024;
    } catch {
      return;
    }
    for (const child of children.get(id) ?? []) visit(child);
  };
  visit(pid);
  return total;
}

async function build(root: string) {
  const started = performance.now();
  const child = spawn(process.execPath, [join(project, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, treeRss(child.pid!))), 100);
  const code = await new Promise<number | null>((done) => child.on('exit', done));
  clearInterval(sampler);
  if (code !== 0) throw new Error(`astro build failed in ${root}`);
  const pages = readdirSync(join(root, 'dist'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html')).length;
  return { seconds: (performance.now() - started) / 1000, pages, peakMb: peak / 2 ** 20 };
}

try {
  console.log(`Generating ${count} articles …`);
  const bare = await build(bareTemplate());
  const ours = await build(ourSite());
  const row = (name: string, result: typeof ours) =>
    `${name.padEnd(14)} ${result.seconds.toFixed(1).padStart(7)} s ${String(result.pages).padStart(7)} pages ${(result.pages / result.seconds).toFixed(0).padStart(6)} pages/s ${result.peakMb.toFixed(0).padStart(6)} MB peak`;
  console.log(`\n${count} articles, ${new Date().toISOString().slice(0, 10)}`);
  console.log(row('bare template', bare));
  console.log(row('our site', ours));
  console.log(`time ratio ${(ours.seconds / bare.seconds).toFixed(2)}×, memory ratio ${(ours.peakMb / bare.peakMb).toFixed(2)}×`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
