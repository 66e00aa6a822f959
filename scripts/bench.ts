// Build benchmark: our site against a bare Astro 7 markdown template on the same N generated
// articles, in one run on one machine. Each site is built twice: cold (no caches), then again
// after a one-word correction in one article, the newsroom's everyday rebuild. Prints wall time,
// pages per second and peak memory (resident set of the whole process tree, sampled from /proc)
// for both sites, and their ratios.
// Usage: npm run bench -- [N=1000] [--keep]   (Linux only; --keep leaves the generated sites in
// the temp folder for profiling, otherwise they are removed afterwards)
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const count = Number(args.find((arg) => /^\d+$/.test(arg)) ?? 1000);
const keep = args.includes('--keep');
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

const articleFile = (folder: string, index: number) => join(folder, `testartikel-${index}.md`);

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
    writeFileSync(articleFile(folder, index), source);
  }
  return folder;
}

/** The correction an editor makes all day: one word in the body of one article. */
function correctOneWord(folder: string) {
  const file = articleFile(folder, Math.floor(count / 2));
  writeFileSync(file, readFileSync(file, 'utf8').replace('Videoschalte', 'Videokonferenz'));
}

/** A site to build: its root and the folder of its articles. */
interface Site {
  root: string;
  articles: string;
}

function ourSite(): Site {
  const root = join(work, 'site');
  for (const entry of ['src', 'content', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    cpSync(join(project, entry), join(root, entry), { recursive: true });
  }
  linkDependencies(root);
  return { root, articles: writeArticles(join(root, 'content/articles/generated'), '../../images/') };
}

/** The baseline: a glob-loaded collection and a one-line `<Content />` page, nothing else. */
function bareTemplate(): Site {
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
  return { root, articles: writeArticles(join(root, 'articles'), '../images/') };
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

/** The cold build, then the rebuild after one correction. */
async function buildTwice(site: Site) {
  const cold = await build(site.root);
  correctOneWord(site.articles);
  return { cold, rebuild: await build(site.root) };
}

type Result = Awaited<ReturnType<typeof build>>;
const row = (name: string, result: Result) =>
  `${name.padEnd(24)} ${result.seconds.toFixed(1).padStart(7)} s ${String(result.pages).padStart(7)} pages ${(result.pages / result.seconds).toFixed(0).padStart(6)} pages/s ${result.peakMb.toFixed(0).padStart(6)} MB peak`;
const ratio = (ours: Result, bare: Result) =>
  `time ${(ours.seconds / bare.seconds).toFixed(2)}×, memory ${(ours.peakMb / bare.peakMb).toFixed(2)}×`;

try {
  console.log(`Generating ${count} articles …`);
  const bare = await buildTwice(bareTemplate());
  const ours = await buildTwice(ourSite());
  console.log(`\n${count} articles, ${new Date().toISOString().slice(0, 10)}`);
  console.log(row('bare template, cold', bare.cold));
  console.log(row('our site, cold', ours.cold));
  console.log(row('bare template, rebuild', bare.rebuild));
  console.log(row('our site, rebuild', ours.rebuild));
  console.log(`cold build: ${ratio(ours.cold, bare.cold)}`);
  console.log(`rebuild after one correction: ${ratio(ours.rebuild, bare.rebuild)}`);
} finally {
  if (keep) console.log(`Generated sites kept in ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
