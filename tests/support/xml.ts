import { SaxesParser } from 'saxes';

/**
 * What keeps `xml` from being a well-formed, namespace-correct XML 1.0 document, as strictly as a
 * feed reader's parser (expat, libxml2) reads it: characters XML forbids such as a vertical tab,
 * unknown entities, unbound prefixes, a second root. Empty when there is nothing.
 */
export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (error) => problems.push(error.message));
  parser.write(xml).close();
  return problems;
}
