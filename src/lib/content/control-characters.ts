import { ContentError, fieldName } from './content-error.ts';

/**
 * Control characters other than tab, line feed and carriage return: C0, DEL and C1. None is text
 * a reader can see, and XML 1.0 forbids most of them, so one in a lead would make the feed a
 * file no feed reader opens. Word's soft line break (U+000B) is the one editors paste most.
 */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

const named = (character: string) => `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
const problem = (character: string) =>
  `holds the control character ${named(character)}, which no reader can see and a feed cannot carry: delete it (from Word, a soft line break)`;

/** Stops at the first control character in the text of `file`, naming its line. */
export function refuseControlCharacters(file: string, text: string): void {
  const found = CONTROL.exec(text);
  if (!found) return;
  const line = text.slice(0, found.index).split('\n').length;
  throw new ContentError(file, undefined, line, problem(found[0]));
}

/**
 * Stops at the first string in `data` that holds a control character, naming its field and
 * line: YAML writes them as escapes too ("\v"), which the text itself does not show.
 */
export function refuseControlCharactersIn(file: string, data: unknown, lineOf: (path: readonly PropertyKey[]) => number | undefined): void {
  const path = pathToControl(data, []);
  if (path) throw new ContentError(file, fieldName(path), lineOf(path), problem(CONTROL.exec(valueAt(data, path))![0]));
}

function pathToControl(value: unknown, path: PropertyKey[]): PropertyKey[] | undefined {
  if (typeof value === 'string') return CONTROL.test(value) ? path : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, inner] of Object.entries(value)) {
    const found = pathToControl(inner, [...path, Array.isArray(value) ? Number(key) : key]);
    if (found) return found;
  }
  return undefined;
}

const valueAt = (data: unknown, path: readonly PropertyKey[]) => path.reduce<unknown>((value, key) => (value as Record<PropertyKey, unknown>)[key], data) as string;
