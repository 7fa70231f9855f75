import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { compileValidator, type JsonSchema } from '@cfc/contracts';

// The service guide (登录指引、服务指南、操作手册、常见问题) as data: one JSON file per language in content/,
// the same sections, FAQ entries and paragraph counts in each (checked at start and in guide.content.spec.ts),
// so that every paragraph has its translation beside it. Edit the files, not this code.

export const GUIDE_LANGUAGES = ['zh-CN', 'en'] as const;
export type GuideLanguage = (typeof GUIDE_LANGUAGES)[number];
export const GUIDE_SECTION_IDS = ['login', 'service', 'manual', 'faq'] as const;
export type GuideSectionId = (typeof GUIDE_SECTION_IDS)[number];

export type Bilingual<T = string> = Record<GuideLanguage, T>;
export interface GuideEntry {
  id: string;
  question: Bilingual;
  answer: Bilingual<string[]>;
}
export interface GuideSection {
  id: GuideSectionId;
  title: Bilingual;
  paragraphs: Bilingual<string[]>;
  entries: GuideEntry[];
}
export interface Guide {
  version: string;
  sections: GuideSection[];
}

interface LanguageFile {
  language: string;
  version: string;
  sections: Array<{ id: string; title: string; paragraphs: string[]; entries?: Array<{ id: string; question: string; answer: string[] }> }>;
}

const text: JsonSchema = { type: 'string', minLength: 1 };
const paragraphs: JsonSchema = { type: 'array', minItems: 1, items: text };
const id: JsonSchema = { type: 'string', pattern: '^[a-z][a-z0-9-]{0,40}$' };
const validateFile = compileValidator<LanguageFile>('guide content file', {
  type: 'object',
  required: ['language', 'version', 'sections'],
  additionalProperties: false,
  properties: {
    language: { enum: [...GUIDE_LANGUAGES] },
    version: text,
    sections: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'title', 'paragraphs'],
        additionalProperties: false,
        properties: {
          id: { enum: [...GUIDE_SECTION_IDS] },
          title: text,
          paragraphs,
          entries: { type: 'array', minItems: 1, items: { type: 'object', required: ['id', 'question', 'answer'], additionalProperties: false, properties: { id, question: text, answer: paragraphs } } },
        },
      },
    },
  },
});

// The files stay in src/ (the build copies no assets): from dist/guide and src/guide alike this is apps/identity/src/guide/content.
export const GUIDE_CONTENT_DIR = resolve(__dirname, '..', '..', 'src', 'guide', 'content');

/** Reads every language file and pairs them; throws when they differ in version, sections, entries or paragraph counts. */
export function loadGuide(dir = GUIDE_CONTENT_DIR): Guide {
  const files = Object.fromEntries(GUIDE_LANGUAGES.map((language) => [language, validateFile(JSON.parse(readFileSync(join(dir, `${language}.json`), 'utf8')))])) as Record<GuideLanguage, LanguageFile>;
  return pairLanguages(files);
}

/** The two languages side by side; the first mismatch found is thrown, naming where it is. */
export function pairLanguages(files: Record<GuideLanguage, LanguageFile>): Guide {
  const [zh, en] = [files['zh-CN'], files.en];
  const mismatch = (where: string, what: string) => new Error(`guide content: zh-CN and en differ in ${what} at ${where}`);
  if (zh.language !== 'zh-CN' || en.language !== 'en') throw mismatch('the language field', 'language');
  if (zh.version !== en.version) throw mismatch('the file', 'version');
  const ids = (f: LanguageFile) => f.sections.map((s) => s.id).join(',');
  if (ids(zh) !== GUIDE_SECTION_IDS.join(',') || ids(en) !== GUIDE_SECTION_IDS.join(',')) throw mismatch('the file', `sections (need ${GUIDE_SECTION_IDS.join(', ')} in that order)`);
  const sections = zh.sections.map((z, i): GuideSection => {
    const e = en.sections[i];
    if (z.paragraphs.length !== e.paragraphs.length) throw mismatch(z.id, 'paragraph count');
    const [zEntries, eEntries] = [z.entries ?? [], e.entries ?? []];
    if (zEntries.map((x) => x.id).join(',') !== eEntries.map((x) => x.id).join(',')) throw mismatch(z.id, 'FAQ entries');
    if ((z.id === 'faq') !== zEntries.length > 0) throw mismatch(z.id, 'entries (only the FAQ has them, and it must)');
    const entries = zEntries.map((q, j): GuideEntry => {
      if (q.answer.length !== eEntries[j].answer.length) throw mismatch(`${z.id}/${q.id}`, 'paragraph count');
      return { id: q.id, question: { 'zh-CN': q.question, en: eEntries[j].question }, answer: { 'zh-CN': q.answer, en: eEntries[j].answer } };
    });
    return { id: z.id as GuideSectionId, title: { 'zh-CN': z.title, en: e.title }, paragraphs: { 'zh-CN': z.paragraphs, en: e.paragraphs }, entries };
  });
  return { version: zh.version, sections };
}

const joined = (p: Bilingual<string[]>): Bilingual => ({ 'zh-CN': p['zh-CN'].join('\n'), en: p.en.join('\n') });

/** One section as GET /v1/guide/{section} serves it: paragraphs joined by line feeds; the FAQ with its entries. */
export function sectionJson(section: GuideSection) {
  const entries = section.entries.map((e) => ({ id: e.id, question: e.question, answer: joined(e.answer) }));
  return { id: section.id, title: section.title, body: joined(section.paragraphs), ...(entries.length > 0 ? { entries } : {}) };
}

/** GET /v1/guide: login guidance, service guide and manual as sections, the FAQ entries beside them (the portal's reader). */
export function guideJson(guide: Guide) {
  const faq = guide.sections.find((s) => s.id === 'faq')!;
  return {
    version: guide.version,
    languages: [...GUIDE_LANGUAGES],
    sections: guide.sections.filter((s) => s.id !== 'faq').map(sectionJson),
    faq: sectionJson(faq).entries ?? [],
  };
}
