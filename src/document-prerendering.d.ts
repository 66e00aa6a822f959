/**
 * `document.prerendering` (Speculation Rules), which TypeScript's DOM library does not have
 * yet: true while the browser renders the page ahead of a click, until it is shown.
 */
interface Document {
  readonly prerendering?: boolean;
}
