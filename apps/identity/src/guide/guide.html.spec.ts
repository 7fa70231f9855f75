import type { Guide } from './guide.content';
import { loadGuide } from './guide.content';
import { guidePage, sectionPage } from './guide.html';

describe('service guide pages', () => {
  it('escape every text: markup in the content is shown, never run', () => {
    const hostile: Guide = {
      version: '1 <b>',
      sections: [
        {
          id: 'faq',
          title: { 'zh-CN': '<script>alert(1)</script>', en: '"quoted" & <i>' },
          paragraphs: { 'zh-CN': ['<img src=x onerror=alert(1)>'], en: ["it's"] },
          entries: [{ id: 'x', question: { 'zh-CN': '问</h3>', en: 'Q' }, answer: { 'zh-CN': ['<a href="javascript:1">答</a>'], en: ['A'] } }],
        },
      ],
    };
    const html = sectionPage(hostile, hostile.sections[0]);
    expect(html).not.toMatch(/<script|<img|<i>|<a href="javascript/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&quot;quoted&quot; &amp; &lt;i&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('it&#39;s');
    expect(html).toContain('1 &lt;b&gt;');
  });

  it('carry no script, no inline style or handler, and pair each Chinese paragraph with its English one', () => {
    const guide = loadGuide();
    for (const html of [guidePage(guide), ...guide.sections.map((s) => sectionPage(guide, s))]) {
      expect(html).not.toMatch(/<script|<style|\sstyle=|\son[a-z]+=/i);
      expect(html).toMatch(/^<!doctype html>\n<html lang="zh-CN">/);
      expect(html).toContain('<link rel="stylesheet" href="/guide/guide.css">');
    }
    const login = guide.sections.find((s) => s.id === 'login')!;
    const page = sectionPage(guide, login);
    expect(page.match(/<div class="pair">/g)).toHaveLength(login.paragraphs['zh-CN'].length);
    expect(page).toContain(`<p lang="en">${login.paragraphs.en[0]}</p>`);
    const all = guidePage(guide);
    for (const s of guide.sections) expect(all).toContain(`<section id="${s.id}">`);
    expect(all.match(/<article id="faq-/g)).toHaveLength(guide.sections.find((s) => s.id === 'faq')!.entries.length);
  });
});
