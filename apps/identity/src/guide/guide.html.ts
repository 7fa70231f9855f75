import escapeHtml from 'escape-html';
import type { Bilingual, Guide, GuideSection } from './guide.content';

// The guide as readable pages (GET /guide, /guide/{section}), Chinese with English beside it. Every text
// goes through escapeHtml; the pages carry no script and no inline style (the gateway's CSP forbids both):
// their one stylesheet is /guide/guide.css.

export const GUIDE_PAGE_PATH = '/guide';
export const PORTAL_PATH = '/portal/';

const PLATFORM: Bilingual = { 'zh-CN': '全国中小微企业资金流信用信息共享服务平台', en: 'National SME Cash-Flow Credit Information Sharing Platform' };
const ALL: Bilingual = { 'zh-CN': '全部内容', en: 'Everything' };
const LOG_IN: Bilingual = { 'zh-CN': '登录数据账户', en: 'Log in to the data account' };
const AS_JSON: Bilingual = { 'zh-CN': '本指南的 JSON 版本', en: 'This guide as JSON' };

const zh = (text: string) => `<span lang="zh-CN">${escapeHtml(text)}</span>`;
const en = (text: string) => `<span lang="en">${escapeHtml(text)}</span>`;
const both = (t: Bilingual) => `${zh(t['zh-CN'])} <span class="sep" aria-hidden="true">·</span> ${en(t.en)}`;

/** Paragraph pairs: each Chinese paragraph with its English one beside it. */
function pairs(p: Bilingual<string[]>): string {
  return p['zh-CN'].map((z, i) => `<div class="pair"><p lang="zh-CN">${escapeHtml(z)}</p><p lang="en">${escapeHtml(p.en[i] ?? '')}</p></div>`).join('\n');
}

function sectionHtml(section: GuideSection, heading: 'h1' | 'h2'): string {
  const entries = section.entries
    .map((e) => `<article id="faq-${escapeHtml(e.id)}" class="entry">\n<h3>${both(e.question)}</h3>\n${pairs(e.answer)}\n</article>`)
    .join('\n');
  return `<section id="${escapeHtml(section.id)}">\n<${heading}>${both(section.title)}</${heading}>\n${pairs(section.paragraphs)}\n${entries}\n</section>`;
}

function page(title: Bilingual, guide: Guide, body: string, current?: string): string {
  const nav = [
    `<li><a href="${GUIDE_PAGE_PATH}"${current === undefined ? ' aria-current="page"' : ''}>${both(ALL)}</a></li>`,
    ...guide.sections.map((s) => `<li><a href="${GUIDE_PAGE_PATH}/${escapeHtml(s.id)}"${current === s.id ? ' aria-current="page"' : ''}>${both(s.title)}</a></li>`),
  ].join('\n');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${title['zh-CN']} · ${title.en}`)}</title>
<link rel="stylesheet" href="${GUIDE_PAGE_PATH}/guide.css">
</head>
<body>
<header>
<p class="platform">${both(PLATFORM)}</p>
<nav aria-label="服务指南 Service guide"><ul>
${nav}
</ul></nav>
</header>
<main>
${body}
</main>
<footer>
<p><a href="${PORTAL_PATH}">${both(LOG_IN)}</a> · <a href="/v1/guide">${both(AS_JSON)}</a> · ${escapeHtml(guide.version)}</p>
</footer>
</body>
</html>
`;
}

/** GET /guide: every section on one page. */
export function guidePage(guide: Guide): string {
  const title: Bilingual = { 'zh-CN': '信息主体服务', en: 'Subject services' };
  return page(title, guide, `<h1>${both(title)}</h1>\n${guide.sections.map((s) => sectionHtml(s, 'h2')).join('\n')}`);
}

/** GET /guide/{section}: one section. */
export function sectionPage(guide: Guide, section: GuideSection): string {
  return page(section.title, guide, sectionHtml(section, 'h1'), section.id);
}

/** GET /guide/guide.css: the pages' only styles (two columns where there is room, one on a phone). */
export const GUIDE_CSS = `body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;line-height:1.6;margin:0 auto;max-width:72rem;padding:1rem;color:#1b1b1b;background:#fff}
header{border-bottom:1px solid #ccc;margin-bottom:1rem}
nav ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem 1.25rem}
a{color:#0b57a4}
a[aria-current="page"]{font-weight:bold}
.platform{font-weight:bold;margin:.5rem 0}
.sep{color:#777}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:1.5rem}
.pair p{margin:.4rem 0}
.pair p[lang="en"]{color:#333}
.entry{border-top:1px solid #e3e3e3;padding-top:.5rem}
h3{font-size:1.05rem}
footer{border-top:1px solid #ccc;margin-top:2rem;font-size:.9rem}
@media (max-width:40rem){.pair{grid-template-columns:1fr;gap:0}}
`;
