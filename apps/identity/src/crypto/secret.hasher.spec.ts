import { hashSecret, verifySecret } from './secret.hasher';
import { generateLoginCode, hashLoginCode } from './code.hasher';

describe('secret hashing', () => {
  it('verifies the right secret only, with a fresh salt each time', async () => {
    const stored = await hashSecret('s3cret-value');
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(stored).not.toContain('s3cret-value');
    expect(await hashSecret('s3cret-value')).not.toBe(stored);
    await expect(verifySecret('s3cret-value', stored)).resolves.toBe(true);
    await expect(verifySecret('s3cret-valuf', stored)).resolves.toBe(false);
    await expect(verifySecret('s3cret-value', 'plain')).resolves.toBe(false);
  });

  it('makes 6-digit codes whose hash is bound to the challenge', () => {
    expect(generateLoginCode()).toMatch(/^\d{6}$/);
    const key = Buffer.alloc(32, 7);
    expect(hashLoginCode(key, 'c1', '012345')).toBe(hashLoginCode(key, 'c1', '012345'));
    expect(hashLoginCode(key, 'c2', '012345')).not.toBe(hashLoginCode(key, 'c1', '012345'));
  });
});
