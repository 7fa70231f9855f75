import { guideEn } from './guide.en';
import { guideZhCN } from './guide.zh-CN';
import { pagesEn } from './pages.en';
import { pagesZhCN } from './pages.zh-CN';
import { uiEn } from './ui.en';
import { uiZhCN } from './ui.zh-CN';

// Every string the portal shows, per language. Simplified Chinese is the source; English mirrors its keys.
export const zhCN = { ...uiZhCN, ...pagesZhCN, ...guideZhCN };
export type MessageKey = keyof typeof zhCN;
export type Catalogue = Record<MessageKey, string>;
export const en: Catalogue = { ...uiEn, ...pagesEn, ...guideEn };

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const CATALOGUES: Record<Language, Catalogue> = { 'zh-CN': zhCN, en };

export type Params = Record<string, string | number>;

/** The text of `key` in `language`, with each {name} replaced by params[name]. */
export function translate(language: Language, key: MessageKey, params?: Params): string {
  const text = CATALOGUES[language][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Whether a string from the API (a problem code, a status) has a catalogue entry under a prefix. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(zhCN, key);
}
