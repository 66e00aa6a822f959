/**
 * A content mistake an editor has to fix: it names the file, the field (or line) and what was
 * expected, and stops the build, because a half-right article must never reach readers.
 */
export class ContentError extends Error {
  override name = 'ContentError';

  constructor(
    readonly file: string,
    readonly field: string | undefined,
    readonly line: number | undefined,
    readonly problem: string,
  ) {
    const where = line ? `${file}:${line}` : file;
    super(field ? `${where}: ${field}: ${problem}` : `${where}: ${problem}`);
  }
}
