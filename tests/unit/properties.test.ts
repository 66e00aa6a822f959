import { isAbsolute } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { ContentError } from '../../src/lib/content/content-error.ts';
import { readArticle } from '../../src/lib/content/read-article.ts';
import { type HtmlBlock, placedBy } from '../../src/lib/markdown/body-blocks.ts';
import { renderArticleBody } from '../../src/lib/markdown/processor.ts';
import { VFileMessage } from 'vfile-message';
import { dangerIn } from '../support/danger.ts';

const EMBEDS = {
  figure: { attribute: 'image', known: ['foto'] },
  ad: { attribute: 'slot', known: ['article-1'] },
  teaser: { attribute: 'related', known: ['mehr'] },
  topics: { once: true },
};

/**
 * Raw HTML that would run or load something if it reached the page. Markdown shows raw HTML as
 * text; the danger check must see each of these, or the fuzzing below proves nothing.
 */
const HOSTILE_HTML = [
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<iframe src="//evil.example">', '<svg onload=alert(1)>',
  '<a href="javascript:alert(1)">x</a>', '<a href="java&#9;script:alert(1)">x</a>', '<style>*{}</style>',
  '<form action="//evil.example">', '<button formaction="javascript:alert(1)">x</button>', '<object data="x">',
  '<embed src="x.swf">', '<base href="//evil.example/">', '<meta http-equiv="refresh" content="0;url=//evil.example">',
  '<link rel="stylesheet" href="//evil.example/x.css">', '<video src="x.mp4" poster="x.png">', '<audio src="x.mp3">',
  '<img srcset="x.png 2x">', '<picture><source srcset="x.png"></picture>', '<svg><script>alert(1)</script></svg>',
  '<svg><a xlink:href="javascript:alert(1)">x</a></svg>', '<svg><use href="//evil.example/x.svg#a"/></svg>',
  '<math><mi xlink:href="//evil.example">x</mi></math>',
];

/** Pieces the pipeline refuses in some places: markdown images, `#` headlines, misplaced or unknown directives. */
const REFUSABLE = ['![b](x.png)', '::figure{image="x" onclick="alert(1)"}', '::topics', ':dateline[Berlin.]', ':::box\n', '# Titel'];

/** Pieces hostile or careless markdown is made of: tags, handlers, schemes, directives, entities. */
const FRAGMENTS = [
  ...HOSTILE_HTML, ...REFUSABLE,
  '[a](javascript:alert(1))', '[a](JaVaScRiPt:alert(1))', '[a](jav&#x61;script:alert(1))', '[a](java&#9;script:alert(1))',
  '[a](<javascript:alert(1)>)', '[a](data:text/html,x)', '[a](vbscript:x)', '<javascript:alert(1)>', '[a]: javascript:alert(1)',
  '[a](https://example.org)', '[a](//evil.example)', '::figure{image="foto"}', '::ad{slot="article-1"}', '::teaser{related="mehr"}',
  ':::', '::', ':x[y]{z}', '{onclick=alert(1)}', '## Zwischentitel',
  '> Zitat', '- Punkt', '1. Punkt', '`code`', '```\ncode\n```', '&lt;script&gt;', '&#60;script&#62;', '„Zitat“', 'Um 15:44 Uhr',
  '\n', '\n\n', ' ', '*', '_', '[', ']', '(', ')', '<', '>', '"', "'", '\\', '|', '---',
];

const hostileParts = fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 6 })), {
  maxLength: 24, size: 'max',
});

const html = (markdown: string) =>
  renderArticleBody(markdown, { path: 'fuzz.md', embeds: EMBEDS })
    .filter((block): block is HtmlBlock => block.type === 'html')
    .map((block) => block.html)
    .join('\n');

/** The rendered HTML, or undefined when the pipeline refused the markdown the one acceptable way. */
function renderedOrRefused(markdown: string): string | undefined {
  try {
    return html(markdown);
  } catch (error) {
    // The only acceptable failure is an editor's message pointing at the file and line.
    expect(error).toBeInstanceOf(VFileMessage);
    expect((error as VFileMessage).file).toBe('fuzz.md');
    expect((error as VFileMessage).line).toBeGreaterThan(0);
    return undefined;
  }
}

describe('the danger check the fuzzing relies on', () => {
  it.each(HOSTILE_HTML)('sees %s', (markup) => {
    expect(dangerIn(markup)).not.toEqual([]);
  });

  it('sees nothing in what the pipeline makes of ordinary markdown', () => {
    const markup = html(':dateline[Berlin.] Text mit [Link](https://example.org) und [innen](/politik/).\n\n## Zwischentitel\n\n> Zitat\n\n- Punkt');
    expect(markup).toContain('<a href="https://example.org" rel="noopener noreferrer">Link</a>');
    expect(dangerIn(markup)).toEqual([]);
  });
});

describe('property: arbitrary markdown through the pipeline', () => {
  const RUNS = 600;

  it('is rendered or refused with a message naming the file and line, never crashes, never yields script', () => {
    const checked = { whole: 0, besideRefused: 0 };
    fc.assert(
      fc.property(hostileParts, (parts) => {
        const output = renderedOrRefused(parts.join(''));
        if (output !== undefined) {
          expect(dangerIn(output)).toEqual([]);
          checked.whole++;
          return;
        }
        // A refused document proves nothing about the hostile pieces beside the refused one:
        // the same document without the pieces that can be refused must render clean.
        const rest = renderedOrRefused(parts.filter((part) => !REFUSABLE.includes(part)).join(''));
        if (rest === undefined) return;
        expect(dangerIn(rest)).toEqual([]);
        checked.besideRefused++;
      }),
      { numRuns: RUNS },
    );
    // Refusals end a run before the danger check: nearly all runs must still reach it, and
    // enough of them beside a refused piece (typically 98 %, 88 % and 10 % of the runs).
    expect(checked.whole + checked.besideRefused).toBeGreaterThanOrEqual(0.9 * RUNS);
    expect(checked.whole).toBeGreaterThanOrEqual(0.75 * RUNS);
    expect(checked.besideRefused).toBeGreaterThanOrEqual(0.05 * RUNS);
  });
});

const FILE = 'tests/fixtures/articles/beispiel.md';
const KNOWN = { articles: ['beispiel'], authors: ['sabine-gusbeth'], topics: ['usa'], sections: ['politik'], adSlots: ['article-1'] };
const VALID = {
  kicker: 'Diplomatie',
  title: 'Titel',
  lead: 'Vorspann.',
  section: 'politik',
  authors: ['sabine-gusbeth'],
  updated: '2025-01-21T15:44:00+01:00',
  topics: ['usa'],
};

const yamlValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string({ maxLength: 20 }),
    fc.constantFrom('', ' ', '2025-02-30T10:00:00+01:00', '2025-01-21', 'sabine-gusbeth', 'politik', '../images/foto.jpg', '/etc/passwd'),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('id', 'src', 'alt', 'caption', 'credit', 'kicker', 'title', 'x'), tie('value'), { maxKeys: 4 }),
  ),
})).value;

const text = fc.constantFrom('Ein Text.', 'x', '', ' ');
const id = fc.constantFrom('foto', 'karte', 'Foto 1');
/** For each field, what an editor might write there: valid values and near misses. */
const PLAUSIBLE: Record<string, fc.Arbitrary<unknown>> = {
  kicker: text,
  title: text,
  lead: text,
  section: fc.constantFrom('politik', 'politik/international', 'Politik'),
  authors: fc.array(fc.constantFrom('sabine-gusbeth', 'erika-mustermann'), { maxLength: 2 }),
  topics: fc.array(fc.constantFrom('usa', 'mond'), { maxLength: 2 }),
  published: fc.constantFrom('2025-01-21T10:00:00+01:00', '2025-01-21T09:00:00Z', '2025-01-22T10:00:00+01:00', '2025-02-30T10:00:00+01:00', '2025-01-21'),
  updated: fc.constantFrom('2025-01-21T15:44:00+01:00', '2025-01-21T15:44:00', '2025-01-20T10:00:00+01:00', '2025-02-30T10:00:00+01:00'),
  images: fc.array(
    fc.record(
      { id, src: fc.constantFrom('../images/foto.jpg', '../images/fehlt.jpg', '/etc/passwd', 'https://example.org/foto.jpg'), alt: text, caption: text, credit: text },
      { requiredKeys: ['id', 'src', 'alt', 'caption'] },
    ),
    { maxLength: 2 },
  ),
  related: fc.array(fc.record({ id, kicker: text, title: text, article: fc.constantFrom('beispiel', 'fehlt') }, { requiredKeys: ['id', 'kicker', 'title'] }), {
    maxLength: 2,
  }),
  ads: fc.record({ sidebar: fc.oneof(fc.boolean(), fc.constant('ja')), partners: fc.boolean() }, { requiredKeys: [] }),
  extra: yamlValue,
  body: yamlValue,
};

/** The valid front matter with some fields replaced, dropped or added. */
const frontMatter = fc
  .tuple(
    fc
      .subarray(Object.keys(PLAUSIBLE), { maxLength: 3 })
      .chain((fields) => fc.record(Object.fromEntries(fields.map((field) => [field, fc.oneof({ weight: 4, arbitrary: PLAUSIBLE[field] }, yamlValue)])))),
    fc.oneof({ weight: 3, arbitrary: fc.constant([]) }, fc.subarray(Object.keys(VALID), { maxLength: 2 })),
  )
  .map(([changes, dropped]) => {
    const data: Record<string, unknown> = { ...VALID, ...changes };
    for (const key of dropped) delete data[key];
    return data;
  });

const isText = (value: unknown) => typeof value === 'string' && value.trim() !== '';
const isId = (value: unknown) => typeof value === 'string' && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value);
const isRecord = (value: unknown, fields: string[]): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).every((key) => fields.includes(key));
/** A list whose items all pass `check` and whose `key`s are all different. */
const isListOf = <Item,>(value: unknown, check: (item: unknown) => item is Item, key: (item: Item) => unknown = (item) => item): value is Item[] =>
  Array.isArray(value) && value.every(check) && new Set(value.map(key)).size === value.length;
/** A date and time with its UTC offset, on a day the calendar has. */
function isDateTime(value: unknown) {
  const parts = typeof value === 'string' && /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.exec(value);
  if (!parts) return false;
  const [year, month, day] = parts.slice(1, 4).map(Number);
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}
const isImage = (image: unknown): image is { id: string } =>
  isRecord(image, ['id', 'src', 'alt', 'caption', 'credit']) &&
  isId(image.id) &&
  typeof image.src === 'string' &&
  !isAbsolute(image.src) &&
  !image.src.includes('://') &&
  // Whether the file is there is the loader's check (content-photos.test.ts): reading an article does no I/O.
  [image.alt, image.caption, image.credit].every(isText);
const isTeaser = (teaser: unknown): teaser is { id: string } =>
  isRecord(teaser, ['id', 'kicker', 'title', 'article']) &&
  isId(teaser.id) &&
  isText(teaser.kicker) &&
  isText(teaser.title) &&
  (teaser.article === undefined || KNOWN.articles.includes(teaser.article as string));
const known = (ids: readonly string[]) => (value: unknown): value is string => ids.includes(value as string);
const byId = (item: { id: string }) => item.id;

/**
 * What is wrong with front matter by the rules of the README, written out apart from the
 * schema: an article that was accepted must have none of it.
 */
function problemsOf(data: Record<string, unknown>): string[] {
  const { published, updated, topics = [], images = [], related = [], ads = {} } = data;
  const rules: [string, boolean][] = [
    ['only fields articles have', isRecord(data, ['kicker', 'title', 'lead', 'section', 'authors', 'published', 'updated', 'topics', 'images', 'related', 'ads'])],
    ['kicker, title and lead are text', [data.kicker, data.title, data.lead].every(isText)],
    ['a known section', known(KNOWN.sections)(data.section)],
    ['known authors, at least one, each once', isListOf(data.authors, known(KNOWN.authors)) && data.authors.length > 0],
    ['known topics, each once', isListOf(topics, known(KNOWN.topics))],
    ['a time', published !== undefined || updated !== undefined],
    ['times with their offsets', [published, updated].every((time) => time === undefined || isDateTime(time))],
    ['no update before the publication', !published || !updated || Date.parse(updated as string) >= Date.parse(published as string)],
    ['photos with id, file, alt text, caption and credit, each id once', isListOf(images, isImage, byId)],
    ['teasers with id, kicker, title and a known article, each id once', isListOf(related, isTeaser, byId)],
    ['ads switched on or off', isRecord(ads, ['sidebar', 'partners']) && Object.values(ads).every((value) => typeof value === 'boolean')],
  ];
  return rules.filter(([, kept]) => !kept).map(([rule]) => rule);
}

describe('property: arbitrary front matter', () => {
  const RUNS = 1000;

  it('either validates, and then is valid and kept as written, or yields one clear ContentError naming the file', () => {
    let accepted = 0;
    fc.assert(
      fc.property(frontMatter, (data) => {
        const source = `---\n${stringify(data)}---\n\n:dateline[Berlin.] Text.\n`;
        let article: ReturnType<typeof readArticle>;
        try {
          article = readArticle(FILE, source, KNOWN);
        } catch (error) {
          expect(error).toBeInstanceOf(ContentError);
          expect((error as ContentError).message.startsWith(FILE)).toBe(true);
          expect((error as ContentError).problem.length).toBeGreaterThan(5);
          return;
        }
        accepted++;
        expect(article.id).toBe('beispiel');
        expect(problemsOf(data)).toEqual([]);
        const { placed, ...written } = article.data;
        expect(written).toEqual(data);
        expect(placed).toEqual(placedBy(article.body));
        expect(article.body.length).toBeGreaterThan(0);
      }),
      { numRuns: RUNS },
    );
    // Both sides must be well filled (typically 40 % accepted), so the property sees many valid
    // articles besides the one below, and many near misses.
    expect(accepted).toBeGreaterThanOrEqual(0.2 * RUNS);
    expect(accepted).toBeLessThanOrEqual(0.8 * RUNS);
  });

  it('accepts the valid front matter itself, so the property cannot pass by rejecting everything', () => {
    expect(problemsOf(VALID)).toEqual([]);
    expect(readArticle(FILE, `---\n${stringify(VALID)}---\n\nText.\n`, KNOWN).data.title).toBe('Titel');
  });
});
