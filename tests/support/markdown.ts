import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { unified, type Plugin } from 'unified';
import { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';

/** Runs markdown through a minimal directive pipeline with the plugins under test. */
export function toHtml(markdown: string, ...plugins: [Plugin<any[], any>, unknown?][]): string {
  const processor = unified().use(remarkParse).use(remarkDirective);
  for (const [plugin, options] of plugins) processor.use(plugin, options);
  return String(processor.use(remarkRehype).use(rehypeStringify).processSync(new VFile({ path: 'test.md', value: markdown })));
}

/** The message a plugin failed with, as an editor reads it: `file:line:column: reason`. */
export function failureOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof VFileMessage) return `${error.file}:${error.line}:${error.column}: ${error.reason}`;
    throw error;
  }
  throw new Error('expected a failure, but the markdown was accepted');
}
