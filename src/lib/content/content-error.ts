/** A content mistake or doubt, located for the editor: the file, the field, the line and what is wrong. */
export interface ContentProblem {
  readonly file: string;
  readonly field: string | undefined;
  readonly line: number | undefined;
  readonly problem: string;
  /** `file:line: field: problem`, the one line an editor reads. */
  readonly message: string;
}

const describe = (file: string, field: string | undefined, line: number | undefined, problem: string) => {
  const where = line ? `${file}:${line}` : file;
  return field ? `${where}: ${field}: ${problem}` : `${where}: ${problem}`;
};

/** A front-matter path as editors write it: `images[0].src`. */
export const fieldName = (path: readonly PropertyKey[]) =>
  path.map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index ? '.' : ''}${String(key)}`)).join('');

/**
 * A content mistake an editor has to fix: it names the file, the field (or line) and what was
 * expected, and stops the build, because a half-right article must never reach readers.
 */
// Fields are declared and assigned, not written as constructor parameter properties: Node loads
// astro.config.mjs and what it imports by stripping types, which leaves no such syntax, and Astro
// would otherwise load the config through Vite, seconds slower on every start.
export class ContentError extends Error implements ContentProblem {
  override name = 'ContentError';
  readonly file: string;
  readonly field: string | undefined;
  readonly line: number | undefined;
  readonly problem: string;

  constructor(file: string, field: string | undefined, line: number | undefined, problem: string) {
    super(describe(file, field, line, problem));
    [this.file, this.field, this.line, this.problem] = [file, field, line, problem];
  }
}

/** Something an editor would want to know about a file that can still be published as it is. */
export class ContentWarning implements ContentProblem {
  readonly message: string;
  readonly file: string;
  readonly field: string | undefined;
  readonly line: number | undefined;
  readonly problem: string;

  constructor(file: string, field: string | undefined, line: number | undefined, problem: string) {
    this.message = describe(file, field, line, problem);
    [this.file, this.field, this.line, this.problem] = [file, field, line, problem];
  }
}
