/** How much structure an article body may have: enough for any article, little enough to render at once. */
export interface SourceLimits {
  /** Lists, quotes and directives inside one another, on one line. */
  nesting: number;
  /** Lines of the whole file, front matter included. */
  lines: number;
  /** List items, quotes, underlined headings and `:::` directives opened in the whole body. */
  blocks: number;
  /** Marks of inline markup in the whole body: emphasis, brackets, code, escapes, entities, tags, directives. */
  marks: number;
  /** Such marks in one paragraph (lines between blank lines). */
  paragraphMarks: number;
}

/**
 * Measured on the development machine (CPU time of the whole pipeline): micromark spends
 * 100–300 µs on each list item and up to 60 µs on each line or mark, and some of its work grows
 * with the square of what came before (each closed container or underlined heading edits all
 * events so far; each emphasis closer walks back over every opener). Within these limits no body
 * takes more than about half a second.
 */
export const SOURCE_LIMITS: SourceLimits = { nesting: 16, lines: 4000, blocks: 1000, marks: 4000, paragraphMarks: 500 };

export interface SourceLimitExceeded {
  line: number;
  column: number;
  reason: string;
}

// One container marker at the start of a line: a quote, a bullet or a number, with the blank after it.
const CONTAINER = /^(?:>[ \t]?|(?:[*+-]|\d{1,9}[.)])(?:[ \t]+|$))/;
const INDENT = /^[ \t]*/;
// Three or more of one of `*`, `-`, `_` and nothing else: a rule, not three list items.
const THEMATIC_BREAK = /^([*_-])[ \t]*(?:\1[ \t]*){2,}$/;
const UNDERLINE = /^(?:=+|-+)[ \t]*$/;
const DIRECTIVE_OPEN = /^:{3,}[a-z]/i;
const DIRECTIVE_CLOSE = /^:{3,}[ \t]*$/;
// Where micromark starts an inline construct: a run of emphasis or code marks, a bracket, an
// angle bracket, an escape, an entity, or a directive's name.
const MARK = /\*+|_+|`+|[[\]<&\\]|:(?=[a-z])/gi;
const MARKS = 'marks of emphasis, links, code, escapes and directives (such as `*`, `_`, `[`, `]`, `<`, `&`)';

const columns = (indent: string) => [...indent].reduce((width, char) => (char === '\t' ? width + 4 - (width % 4) : width + 1), 0);

/** A line's container prefix: its markers, counted up to `most`, and the text after them. */
function splitPrefix(line: string, most: number) {
  const indent = INDENT.exec(line)![0];
  let rest = line.slice(indent.length);
  let quotes = 0;
  let items = 0;
  for (let marker = CONTAINER.exec(rest); marker && quotes + items < most && !THEMATIC_BREAK.test(rest); marker = CONTAINER.exec(rest)) {
    if (marker[0].startsWith('>')) quotes += 1;
    else items += 1;
    rest = rest.slice(marker[0].length).replace(INDENT, '');
  }
  return { indentLevels: Math.floor(columns(indent) / 2), quotes, items, rest };
}

/**
 * Finds the first place where a markdown source goes beyond the limits, before it is parsed:
 * beyond them micromark takes seconds or minutes, and deeper trees overflow the stack of the
 * tree walkers after it. A cheap count of what opens containers and inline constructs, erring
 * on the safe side: it counts in code blocks too.
 */
export function findSourceLimitExceeded(source: string, limits: SourceLimits = SOURCE_LIMITS): SourceLimitExceeded | undefined {
  const lines = source.split(/\r\n|\r|\n/);
  if (lines.length > limits.lines) {
    return { line: limits.lines + 1, column: 1, reason: `An article may have at most ${limits.lines} lines: split it into parts` };
  }
  let directives = 0;
  let blocks = 0;
  let marks = 0;
  let paragraphMarks = 0;
  let previousQuotes = 0;
  let previousBlank = true;
  for (const [index, line] of lines.entries()) {
    const at = (reason: string, column = 1) => ({ line: index + 1, column, reason });
    const { indentLevels, quotes, items, rest } = splitPrefix(line, limits.nesting + 1);
    const opensDirective = DIRECTIVE_OPEN.test(rest);
    if (DIRECTIVE_CLOSE.test(rest)) directives = Math.max(0, directives - 1);
    if (opensDirective) directives += 1;
    const nesting = indentLevels + quotes + items + directives;
    if (nesting > limits.nesting) {
      return at(
        `Nesting deeper than ${limits.nesting} levels is not allowed (each quote or list marker, each open \`:::\` directive and every two columns of indentation count as one)`,
      );
    }
    const underline = !previousBlank && UNDERLINE.test(rest);
    blocks += items + Math.max(0, quotes - previousQuotes) + Number(opensDirective) + Number(underline);
    if (blocks > limits.blocks) {
      return at(`An article may have at most ${limits.blocks} list items, quotes, underlined headings and \`:::\` directives; split it into parts`);
    }
    const blank = rest.trim() === '';
    if (blank) paragraphMarks = 0;
    if (!THEMATIC_BREAK.test(rest)) {
      for (const mark of rest.matchAll(MARK)) {
        const column = line.length - rest.length + mark.index + 1;
        marks += 1;
        paragraphMarks += 1;
        if (marks > limits.marks) return at(`An article may have at most ${limits.marks} ${MARKS}; split it into parts`, column);
        if (paragraphMarks > limits.paragraphMarks) return at(`A paragraph may have at most ${limits.paragraphMarks} ${MARKS}; split it`, column);
      }
    }
    previousQuotes = quotes;
    previousBlank = blank;
  }
  return undefined;
}
