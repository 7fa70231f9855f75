// JOSE and the provider headers use unpadded base64url (RFC 4648 section 5).

/** Bytes or text as unpadded base64url. */
export function toBase64Url(input: Buffer | string): string {
  return Buffer.from(input).toString('base64url');
}

/** Decodes base64url; null when the text is not canonical base64url. */
export function fromBase64Url(text: string): Buffer | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  const bytes = Buffer.from(text, 'base64url');
  return bytes.toString('base64url') === text ? bytes : null;
}
