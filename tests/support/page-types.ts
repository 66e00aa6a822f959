/**
 * One page of each type a reader can meet on the newsroom build (NEWSROOM_SITE in
 * tests/support/build-site.ts), with the status it is served with, for the checks that go
 * through them all. A new type of page is one more line here.
 */
export const PAGE_TYPES: Record<string, { path: string; status: number }> = {
  front: { path: '/', status: 200 },
  article: { path: '/politik/international/testartikel-20/', status: 200 },
  section: { path: '/politik/international/', status: 200 },
  topic: { path: '/themen/aussenpolitik/', status: 200 },
  author: { path: '/autoren/jana-sophie-bruentjen/', status: 200 },
  archive: { path: '/politik/international/archiv/1/', status: 200 },
  search: { path: '/suche/', status: 200 },
  'not found': { path: '/gibt-es-nicht/', status: 404 },
  'house-ad target': { path: '/newsletter/', status: 200 },
  placeholder: { path: '/impressum/', status: 200 },
};
