import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// The portal's reader, to check the shape it is served (a test-only cross-app import).
// eslint-disable-next-line @nx/enforce-module-boundaries
import { readGuide } from '../../../portal/src/api/shapes';
import { GUIDE_CONTENT_DIR, GUIDE_SECTION_IDS, guideJson, loadGuide, pairLanguages } from './guide.content';

const file = (language: string) => JSON.parse(readFileSync(join(GUIDE_CONTENT_DIR, `${language}.json`), 'utf8'));
const text = (answer: string[]) => answer.join('\n');

describe('service guide content', () => {
  const guide = loadGuide();
  const faq = guide.sections.find((s) => s.id === 'faq')!;
  const entry = (id: string) => {
    const found = faq.entries.find((e) => e.id === id);
    if (!found) throw new Error(`no FAQ entry ${id}`);
    return found;
  };

  it('has the same sections, FAQ entries and paragraph counts in Chinese and English', () => {
    const [zh, en] = [file('zh-CN'), file('en')];
    const shape = (f: { sections: Array<{ id: string; paragraphs: string[]; entries?: Array<{ id: string; answer: string[] }> }> }) =>
      f.sections.map((s) => ({ id: s.id, paragraphs: s.paragraphs.length, entries: (s.entries ?? []).map((e) => [e.id, e.answer.length]) }));
    expect(shape(zh)).toEqual(shape(en));
    expect(guide.sections.map((s) => s.id)).toEqual([...GUIDE_SECTION_IDS]);
    for (const s of guide.sections) for (const p of [...s.paragraphs['zh-CN'], ...s.paragraphs.en]) expect(p.trim()).not.toBe('');
  });

  it('refuses files that drift apart: a missing entry, an extra paragraph, another version', () => {
    const [zh, en] = [file('zh-CN'), file('en')];
    const drop = structuredClone(en);
    drop.sections[3].entries.pop();
    expect(() => pairLanguages({ 'zh-CN': zh, en: drop })).toThrow(/FAQ entries at faq/);
    const extra = structuredClone(en);
    extra.sections[0].paragraphs.push('One more.');
    expect(() => pairLanguages({ 'zh-CN': zh, en: extra })).toThrow(/paragraph count at login/);
    expect(() => pairLanguages({ 'zh-CN': zh, en: { ...en, version: 'other' } })).toThrow(/version/);
  });

  it('answers what the seed and the credit-record leaflet ask of the FAQ, in both languages', () => {
    // statistics, not transactions
    expect(text(entry('what-is-it').answer['zh-CN'])).toMatch(/统计信息[\s\S]*不是交易流水/);
    expect(text(entry('what-is-it').answer.en)).toMatch(/statistics[\s\S]*not transactions/);
    // who sees, and how to stop them
    expect(text(entry('who-sees').answer['zh-CN'])).toMatch(/授权[\s\S]*撤销[\s\S]*解除账户绑定/);
    expect(text(entry('who-sees').answer.en)).toMatch(/authorised[\s\S]*revoke[\s\S]*unbind/);
    // the two products
    expect(text(entry('products').answer['zh-CN'])).toMatch(/明细汇总产品[\s\S]*信用信息报告/);
    expect(text(entry('products').answer.en)).toMatch(/detail summary[\s\S]*credit report/);
    // bind and unbind
    expect(text(entry('bind-unbind').answer['zh-CN'])).toMatch(/委托提供协议[\s\S]*解除绑定/);
    expect(text(entry('bind-unbind').answer.en)).toMatch(/Entrustment Agreement[\s\S]*Unbind/);
    // objections: 20 days
    expect(text(entry('objection').answer['zh-CN'])).toMatch(/20 日内[\s\S]*第二十五条/);
    expect(text(entry('objection').answer.en)).toMatch(/within 20 days[\s\S]*Article 25/);
    // free, and "credit repair" is a scam
    expect(text(entry('free-no-repair').answer['zh-CN'])).toMatch(/免费[\s\S]*征信修复[\s\S]*骗局/);
    expect(text(entry('free-no-repair').answer.en)).toMatch(/free[\s\S]*credit repair[\s\S]*scams/);
    // negative information: five years
    expect(text(entry('retention').answer['zh-CN'])).toMatch(/五年/);
    expect(text(entry('retention').answer.en)).toMatch(/five years/);
  });

  it('serves the portal three sections and the FAQ entries, paragraphs joined by line feeds', () => {
    const json = guideJson(guide);
    expect(json.sections.map((s) => s.id)).toEqual(['login', 'service', 'manual']);
    expect(json.languages).toEqual(['zh-CN', 'en']);
    expect(json.faq.map((e) => e.id)).toEqual(faq.entries.map((e) => e.id));
    expect(json.sections[0].body['zh-CN'].split('\n')).toEqual(guide.sections[0].paragraphs['zh-CN']);
    expect(json.faq[0].question).toEqual({ 'zh-CN': faq.entries[0].question['zh-CN'], en: faq.entries[0].question.en });
  });
});

describe('the portal reading the guide', () => {
  it("finds every section and FAQ entry, paragraph by paragraph, in each language (apps/portal's own reader)", () => {
    const guide = loadGuide();
    const served = JSON.parse(JSON.stringify(guideJson(guide)));
    for (const language of ['zh-CN', 'en'] as const) {
      const read = readGuide(served, language)!;
      expect(read.sections.map((s) => [s.id, s.paragraphs])).toEqual(guide.sections.filter((s) => s.id !== 'faq').map((s) => [s.id, s.paragraphs[language]]));
      const faq = guide.sections.find((s) => s.id === 'faq')!;
      expect(read.faq.map((e) => [e.id, e.title, e.paragraphs])).toEqual(faq.entries.map((e) => [e.id, e.question[language], e.answer[language]]));
    }
  });
});
