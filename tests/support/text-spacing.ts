import type { Page } from 'playwright-core';

/**
 * The spacing WCAG 1.4.12 says a reader's style sheet may set: line height 1.5 times the font
 * size, paragraphs 2 times apart, letters 0.12 and words 0.16 times the font size.
 */
const WCAG_TEXT_SPACING = `
  * { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
  p { margin-bottom: 2em !important; }
`;

/**
 * Applies the spacing as a reader's style sheet would: through the CSS object model, which the
 * page's Content-Security-Policy does not govern (a `<style>` element it would refuse).
 */
export async function applyTextSpacing(page: Page) {
  await page.evaluate((css) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }, WCAG_TEXT_SPACING);
}

/**
 * What the page breaks: how far it scrolls sideways, the elements that cut off their text
 * (overflow hidden or clipped, line clamps included), and the lines of text that lie on
 * other lines. Text meant for screen readers only is left out.
 */
export function spacingProblems(page: Page): Promise<{ sideways: number; clipped: string[]; overlapping: string[] }> {
  return page.evaluate(() => {
    const describe = (element: Element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')} „${element.textContent!.trim().slice(0, 40)}“`;
    const shown = (element: Element) => element.getClientRects().length > 0 && !element.closest('.sr-only') && getComputedStyle(element).visibility !== 'hidden';
    const all = [...document.body.querySelectorAll('*')].filter(shown);

    const clipped = all
      .filter((element) => {
        const { overflowX, overflowY } = getComputedStyle(element);
        const cuts = (overflow: string) => overflow === 'hidden' || overflow === 'clip';
        const text = element.textContent!.trim() !== '';
        return text && ((cuts(overflowX) && element.scrollWidth > element.clientWidth + 1) || (cuts(overflowY) && element.scrollHeight > element.clientHeight + 1));
      })
      .map(describe);

    // Every line of every text, as the browser lays it out, with the element it belongs to.
    const lines: { element: Element; box: DOMRect }[] = [];
    for (const element of all) {
      for (const node of element.childNodes) {
        if (node.nodeType !== Node.TEXT_NODE || !node.textContent!.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const box of range.getClientRects()) if (box.width > 0 && box.height > 0) lines.push({ element, box });
      }
    }
    const overlapping = new Set<string>();
    const AMOUNT = 2;
    for (const [index, a] of lines.entries()) {
      for (const b of lines.slice(index + 1)) {
        if (a.element === b.element) continue;
        const across = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
        const down = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
        if (across > AMOUNT && down > AMOUNT) overlapping.add(`${describe(a.element)} / ${describe(b.element)}`);
      }
    }
    return { sideways: document.documentElement.scrollWidth - document.documentElement.clientWidth, clipped, overlapping: [...overlapping] };
  });
}
