import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { devSaves, measure } from './measure.ts';
import { ourSite, saveOneWord, writeArticles } from './sites.ts';
const root = process.argv[2];
const fresh = !existsSync(root);
process.chdir('/work/main');
const site = fresh ? ourSite(root) : { root, articles: `${root}/content/articles/generated`, articlePath: '/politik/international/testartikel-0/' };
if (fresh) { writeArticles(site, Number(process.argv[3])); console.log('build', (await measure('npm', ['run', 'build'], root)).seconds); }
const astro = resolve('node_modules/astro/bin/astro.mjs');
const r = await devSaves(astro, root, site.articlePath, ['eins', 'zwei', 'drei', 'vier'].map((w) => () => saveOneWord(site as never, 0, w)));
console.log(r);
