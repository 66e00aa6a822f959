import { load } from 'cheerio';

/** What a browser would make of the HTML: any element or attribute that can run or load things. */
export function dangerIn(markup: string): string[] {
  const $ = load(markup);
  const elements = $('*').toArray() as unknown as { tagName: string; attribs: Record<string, string> }[];
  return elements.flatMap((element) => [
    ...(['script', 'iframe', 'object', 'embed', 'form', 'img', 'style'].includes(element.tagName) ? [`<${element.tagName}>`] : []),
    ...Object.entries(element.attribs)
      .filter(([name, value]) => /^on|^style$|^srcdoc$/i.test(name) || /^\s*(javascript|vbscript|data):/i.test(value))
      .map(([name, value]) => `${element.tagName}[${name}=${value}]`),
  ]);
}
