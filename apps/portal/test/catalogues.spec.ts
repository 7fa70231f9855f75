import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { en, zhCN } from '../src/i18n/catalogue';

// The portal's "no text in code" rule and its two catalogues: every key in both, no empty text, the same
// {placeholders} in both, and no words in the page code outside src/i18n (JSX text, user-facing attributes,
// Chinese in any string). The compiler already refuses a key missing from the English catalogue; this
// checks both ways at run time and catches text that bypasses the catalogues altogether.

const src = join(__dirname, '..', 'src');
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return d.name === 'i18n' || d.name === 'testdata' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(d.name) && !d.name.endsWith('.spec.ts') ? [path] : [];
  });
}

const USER_FACING_ATTRIBUTES = new Set(['title', 'aria-label', 'placeholder', 'alt', 'label', 'aria-description']);
const letters = /\p{L}/u;
const han = /\p{Script=Han}/u;

/** Text a person would read, found in page code: [file:line, text]. */
function textInCode(file: string): Array<[string, string]> {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: Array<[string, string]> = [];
  const at = (node: ts.Node) => `${relative(src, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && letters.test(node.text)) found.push([at(node), node.text.trim()]);
    if (ts.isJsxAttribute(node) && USER_FACING_ATTRIBUTES.has(node.name.getText()) && node.initializer && ts.isStringLiteral(node.initializer) && letters.test(node.initializer.text)) {
      found.push([at(node), node.initializer.text]);
    }
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) && han.test(node.text)) {
      found.push([at(node), node.text]);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('message catalogues', () => {
  it('have the same keys in Simplified Chinese and English', () => {
    const zhKeys = Object.keys(zhCN).sort();
    const enKeys = Object.keys(en).sort();
    expect(enKeys.filter((k) => !zhKeys.includes(k))).toEqual([]);
    expect(zhKeys.filter((k) => !enKeys.includes(k))).toEqual([]);
    expect(zhKeys.length).toBeGreaterThan(300);
  });

  it('have no empty text and the same {placeholders} in both languages', () => {
    const keys = Object.keys(zhCN) as Array<keyof typeof zhCN>;
    expect(keys.filter((k) => zhCN[k].trim() === '' || en[k].trim() === '')).toEqual([]);
    // format.* are the languages' own word orders (月 is a number in Chinese, a name in English): exempt.
    const sentences = keys.filter((k) => !k.startsWith('format.'));
    expect(sentences.filter((k) => placeholders(zhCN[k]).join() !== placeholders(en[k]).join())).toEqual([]);
  });

  it('are where all the words are: none in the page code', () => {
    const files = sourceFiles(src);
    expect(files.length).toBeGreaterThan(20);
    expect(files.flatMap(textInCode)).toEqual([]);
  });

  it('the check finds text in code when there is some', () => {
    const probe = join(__dirname, 'fixtures', 'text-in-code.tsx');
    expect(textInCode(probe).map(([, text]) => text)).toEqual(['Hello there', 'Close me', '你好', '欢迎 ']);
  });
});
