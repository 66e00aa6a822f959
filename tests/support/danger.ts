import { load } from 'cheerio';

/** Elements that run code, load other documents or resources, or change where the page's links and forms go. */
const DANGEROUS_ELEMENTS = new Set([
  'script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal', 'form', 'style', 'link', 'base', 'meta',
  'img', 'picture', 'source', 'video', 'audio', 'track', 'svg', 'math',
]);

/** Attributes that load something or send something somewhere, on whatever element they sit. */
const LOADING_ATTRIBUTES = /^(src|srcset|poster|data|action|formaction|background|ping|codebase|archive|manifest|xlink:href|http-equiv)$/i;

/** A URL as a browser reads it: tabs and newlines inside are dropped, leading controls and spaces ignored. */
const urlScheme = (value: string) => value.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '');

/** What a browser would make of the HTML: any element or attribute that can run or load things. */
export function dangerIn(markup: string): string[] {
  const $ = load(markup);
  const elements = $('*').toArray() as unknown as { tagName: string; attribs: Record<string, string> }[];
  return elements.flatMap((element) => [
    ...(DANGEROUS_ELEMENTS.has(element.tagName.toLowerCase()) ? [`<${element.tagName}>`] : []),
    ...Object.entries(element.attribs)
      .filter(
        ([name, value]) =>
          /^on|^style$|^srcdoc$/i.test(name) ||
          LOADING_ATTRIBUTES.test(name) ||
          // A link's address is where a reader goes when they choose to; `href` anywhere else loads or redirects.
          (/^href$/i.test(name) && element.tagName.toLowerCase() !== 'a') ||
          /^(javascript|vbscript|data):/i.test(urlScheme(value)),
      )
      .map(([name, value]) => `${element.tagName}[${name}=${value}]`),
  ]);
}
