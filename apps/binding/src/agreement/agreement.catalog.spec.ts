import { createHash } from 'node:crypto';
import { loadAgreementVersions } from './agreement.catalog';

// A published text is signed by hash in every binding made under it: it may never change. A new text is a new version.
const PINNED: Record<string, string> = {
  '1.0': 'fe3a4ed368de0b97b3b2155ee6f6b9195c5fc9cdc3335ebe5863463a043aca89',
};

describe('published agreement texts', () => {
  const versions = loadAgreementVersions();

  it('keeps every published text byte for byte (its SHA-256 is pinned here)', () => {
    expect(Object.fromEntries(versions.map((v) => [v.version, v.sha256]))).toEqual(PINNED);
  });

  it('hashes the exact UTF-8 bytes of the text it serves', () => {
    for (const v of versions) expect(createHash('sha256').update(Buffer.from(v.text, 'utf8')).digest('hex')).toBe(v.sha256);
  });

  it('names the agreement and covers what an entrustment must (parties, scope, purpose, revocation, duration, security, objections, law)', () => {
    const text = versions[0].text;
    expect(text.startsWith('资金流信用信息委托提供协议')).toBe(true);
    for (const clause of ['当事人', '委托事项', '用途', '解除绑定', '七日', '信息安全', '异议', '适用法律', 'SHA-256']) expect(text).toContain(clause);
    expect(text).toContain('不提供逐笔交易明细');
  });
});
