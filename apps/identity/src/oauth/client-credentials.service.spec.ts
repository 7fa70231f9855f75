import { ProblemException } from '@cfc/platform';
import { tokenRequestFrom } from './client-credentials.service';

const basic = (raw: string) => `Basic ${Buffer.from(raw).toString('base64')}`;

function caught(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('tokenRequestFrom', () => {
  it('form-decodes HTTP Basic credentials: + is a space, %XX an octet', () => {
    expect(tokenRequestFrom({ grant_type: 'client_credentials' }, basic('my+client:s%2Bcr%3At+x'))).toMatchObject({ clientId: 'my client', clientSecret: 's+cr:t x' });
  });

  it.each(['a%zz:b', 'a:%E0%A4%A', 'no-colon', ':secret'])('refuses malformed Basic credentials %p with 401 INVALID_CLIENT', (raw) => {
    const thrown = caught(() => tokenRequestFrom({}, basic(raw)));
    expect(thrown).toBeInstanceOf(ProblemException);
    expect(thrown).toMatchObject({ code: 'INVALID_CLIENT', extensions: { error: 'invalid_client' } });
    expect((thrown as ProblemException).getStatus()).toBe(401);
  });

  it('refuses a Basic header that is not base64', () => {
    expect(() => tokenRequestFrom({}, 'Basic !!!')).toThrow(ProblemException);
  });
});
