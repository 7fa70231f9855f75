// The text an enterprise writes to the platform (留言, 声明, CONTRACT.md "Enterprises"). It is kept and
// returned exactly as given: never trimmed, normalised or interpreted as markup. What is refused is what
// cannot be stored faithfully (NUL, unpaired surrogates: PostgreSQL's jsonb rejects both) and what says
// nothing (empty or only white space).

/** Longest message (留言), in Unicode characters (code points). */
export const MESSAGE_TEXT_MAX_CHARACTERS = 2000;
/** Longest declaration (声明), in Unicode characters (code points). */
export const DECLARATION_TEXT_MAX_CHARACTERS = 500;

export type SubjectTextProblem = 'TEXT_NOT_A_STRING' | 'TEXT_EMPTY' | 'TEXT_TOO_LONG' | 'TEXT_NOT_WELL_FORMED' | 'TEXT_CONTROL_CHARACTER';

// C0 controls and DEL, except tab, line feed and carriage return (a message may have lines).
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Unicode characters (code points) of a string: what the limits count, as a reader would. */
export function characterCount(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** Why `text` cannot be a message or declaration of at most `max` characters, or undefined when it can. */
export function subjectTextProblem(text: unknown, max: number): SubjectTextProblem | undefined {
  if (typeof text !== 'string') return 'TEXT_NOT_A_STRING';
  if (text.trim().length === 0) return 'TEXT_EMPTY';
  if (LONE_SURROGATE.test(text)) return 'TEXT_NOT_WELL_FORMED';
  if (CONTROL.test(text)) return 'TEXT_CONTROL_CHARACTER';
  if (characterCount(text) > max) return 'TEXT_TOO_LONG';
  return undefined;
}

/** The words of each problem, for a 400 problem's field message. */
export const SUBJECT_TEXT_PROBLEM_MESSAGES: Readonly<Record<SubjectTextProblem, (max: number) => string>> = {
  TEXT_NOT_A_STRING: () => 'must be a string',
  TEXT_EMPTY: () => 'must not be empty or only white space',
  TEXT_TOO_LONG: (max) => `must be at most ${max} characters`,
  TEXT_NOT_WELL_FORMED: () => 'must be well-formed Unicode (no unpaired surrogate)',
  TEXT_CONTROL_CHARACTER: () => 'must not contain control characters other than tab and line breaks',
};
