/**
 * Text fields that readers see (names, titles, aliases, roles, summaries, quotes…) must show what
 * they say: a bidirectional control such as U+202E reverses how a title displays (in the tab, in
 * search results, in a shared link's preview), and a zero-width or other invisible character
 * makes a name or an alias that looks like another one, or like nothing. Such characters are
 * refused with a message naming each; so is a field longer than MAX_FIELD_CHARS.
 */
import { q } from './errors.ts';
import { fieldPath } from './files.ts';
import { MAX_FIELD_CHARS, formatCount } from './limits.ts';
import type { Problems, Where } from './problems.ts';

/**
 * Invisible in running text: Unicode's default-ignorable code points (bidirectional controls,
 * zero-width spaces and joiners, word joiner, soft hyphen, fillers, variation selectors, tags),
 * control characters other than line feed and tab, and the line and paragraph separators.
 */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cc}\p{Zl}\p{Zp}]/u;
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'gu');

const NAMES: Record<number, string> = {
  0x00ad: 'SOFT HYPHEN',
  0x034f: 'COMBINING GRAPHEME JOINER',
  0x061c: 'ARABIC LETTER MARK',
  0x115f: 'HANGUL CHOSEONG FILLER',
  0x1160: 'HANGUL JUNGSEONG FILLER',
  0x180e: 'MONGOLIAN VOWEL SEPARATOR',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x2028: 'LINE SEPARATOR',
  0x2029: 'PARAGRAPH SEPARATOR',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0x3164: 'HANGUL FILLER',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE (byte order mark)',
  0xffa0: 'HALFWIDTH HANGUL FILLER',
};

/** "U+202E RIGHT-TO-LEFT OVERRIDE", or "U+0007 (a control character)". */
export function describeCharacter(char: string): string {
  const code = char.codePointAt(0)!;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = NAMES[code] ?? (/\p{Cc}/u.test(char) ? '(a control character)' : '(an invisible formatting character)');
  return `${hex} ${name}`;
}

/** The value with each invisible character written as <U+XXXX>, so that a message shows where it is (and cannot itself be reversed). */
export function visibleForm(value: string): string {
  return value.replace(INVISIBLE_ALL, (char) => `<U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`);
}

/** What is wrong with one text field, or undefined. */
export function textFieldProblem(value: string): { problem: string; hint: string } | undefined {
  if (value.length > MAX_FIELD_CHARS) {
    return {
      problem: `the text is ${formatCount(value.length)} characters long, over the limit of ${formatCount(MAX_FIELD_CHARS)} for one field`,
      hint: 'Shorten it: a field is a name, a sentence or a short paragraph; longer text belongs in the article.',
    };
  }
  const found = [...new Set((value.replace(/[\n\t]/g, '').match(INVISIBLE_ALL) ?? []))];
  if (found.length === 0) return undefined;
  const shown = value.length <= 120 ? visibleForm(value) : `${visibleForm(value.slice(0, 120))}…`;
  return {
    problem: `the text holds ${found.map(describeCharacter).join(', ')}, which ${found.length === 1 ? 'is' : 'are'} invisible or change${found.length === 1 ? 's' : ''} the direction of the text around ${found.length === 1 ? 'it' : 'them'}: ${q(shown)}`,
    hint: `Retype the text without ${found.length === 1 ? 'it' : 'them'}: readers would see something other than what is written, and search would not find it.`,
  };
}

/**
 * Checks every string of a parsed YAML value (and the keys of its mappings), reporting each
 * problem under its field path. Returns true when the value is clean. Linear in its size.
 */
export function checkTextFields(value: unknown, where: Where, problems: Problems, prefix: readonly (string | number)[] = []): boolean {
  let clean = true;
  const walk = (node: unknown, path: (string | number)[]): void => {
    if (typeof node === 'string') {
      const found = textFieldProblem(node);
      if (found) {
        clean = false;
        problems.add(where, fieldPath(path) || '(file)', found.problem, found.hint);
      }
    } else if (Array.isArray(node)) {
      node.forEach((item, index) => walk(item, [...path, index]));
    } else if (node !== null && typeof node === 'object') {
      for (const [key, item] of Object.entries(node)) {
        const keyProblem = textFieldProblem(key);
        if (keyProblem) {
          clean = false;
          problems.add(where, fieldPath([...path, visibleForm(key).slice(0, 60)]), `the field name: ${keyProblem.problem}`, keyProblem.hint);
          continue;
        }
        walk(item, [...path, key]);
      }
    }
  };
  walk(value, [...prefix]);
  return clean;
}
