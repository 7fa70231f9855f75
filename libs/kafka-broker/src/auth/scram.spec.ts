import { passwordMatches, scramCredential, ScramError, ScramServerExchange, type ScramCredential } from './scram';

// RFC 7677, section 3: the SCRAM-SHA-256 exchange for user "user", password "pencil".
const vector = {
  salt: Buffer.from('W22ZaJ0SNY7soEsUEjb6gQ==', 'base64'),
  clientFirst: 'n,,n=user,r=rOprNGfwEbeRWgbNEkqO',
  serverNonce: '%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0',
  serverFirst: 'r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096',
  clientFinal: 'c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=',
  serverFinal: 'v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=',
};

describe('SCRAM-SHA-256 server', () => {
  let pencil: ScramCredential;
  beforeAll(async () => (pencil = await scramCredential('pencil', 4096, vector.salt)));

  const exchange = (users: Record<string, ScramCredential>) =>
    new ScramServerExchange(
      (name) => users[name],
      () => ({ ...pencil, salt: Buffer.from('decoy-salt') }),
      () => vector.serverNonce,
    );

  it('answers the RFC 7677 exchange byte for byte', () => {
    const server = exchange({ user: pencil });
    expect(server.first(vector.clientFirst)).toBe(vector.serverFirst);
    expect(server.final(vector.clientFinal)).toEqual({ serverFinal: vector.serverFinal, username: 'user' });
  });

  it('refuses a proof made with another password', async () => {
    const server = exchange({ user: await scramCredential('not-pencil', 4096, vector.salt) });
    server.first(vector.clientFirst);
    expect(() => server.final(vector.clientFinal)).toThrow(/invalid credentials/);
  });

  it('runs an unknown user on a decoy salt and fails only at the end, with the same message', () => {
    const server = exchange({});
    expect(server.first(vector.clientFirst)).toContain(`s=${Buffer.from('decoy-salt').toString('base64')}`);
    const error = (() => {
      try {
        server.final(vector.clientFinal);
      } catch (e) {
        return e as ScramError;
      }
    })();
    expect(error).toBeInstanceOf(ScramError);
    expect(error?.message).toMatch(/invalid credentials/);
    expect(error?.detail).toBe('unknown user');
  });

  it('refuses a final message whose nonce or channel binding differs from the exchange', () => {
    const server = exchange({ user: pencil });
    server.first(vector.clientFirst);
    expect(() => server.final(vector.clientFinal.replace('r=rOpr', 'r=XOpr'))).toThrow(ScramError);
    expect(() => exchange({ user: pencil }).final(vector.clientFinal)).toThrow(/Invalid SCRAM exchange/);
    const other = exchange({ user: pencil });
    other.first(vector.clientFirst);
    expect(() => other.final(vector.clientFinal.replace('c=biws', 'c=eSws'))).toThrow(ScramError);
  });

  it('accepts librdkafka\'s final nonce, which repeats the client nonce in front (as Apache Kafka does)', () => {
    const server = exchange({ user: pencil });
    server.first(vector.clientFirst);
    // The proof is over the AuthMessage as sent, so this one fails on the proof, not on the nonce.
    const quirky = vector.clientFinal.replace('r=rOpr', 'r=rOprNGfwEbeRWgbNEkqOrOpr');
    expect(() => server.final(quirky)).toThrow(/invalid credentials/);
  });

  it('refuses channel binding, a differing authzid and malformed first messages', () => {
    expect(() => exchange({}).first('p=tls-unique,,n=user,r=abc')).toThrow(/Channel binding/);
    expect(() => exchange({ user: pencil }).first('n,a=admin,n=user,r=abc')).toThrow(/authorization id/);
    expect(() => exchange({}).first('n,,r=abc')).toThrow(ScramError);
    expect(() => exchange({}).first('garbage')).toThrow(ScramError);
    expect(() => exchange({}).first('n,,n=us=er,r=abc')).toThrow(/username/);
  });

  it('unescapes =2C and =3D in user names', () => {
    const server = exchange({ 'a,b=c': pencil });
    server.first('n,,n=a=2Cb=3Dc,r=xyz');
    expect(server.username).toBe('a,b=c');
  });

  it('stores salted keys only and checks clear passwords against them (PLAIN)', async () => {
    const credential = await scramCredential('s3cret-password');
    expect(credential.iterations).toBe(4096);
    expect(JSON.stringify(credential)).not.toContain('s3cret');
    await expect(passwordMatches('s3cret-password', credential)).resolves.toBe(true);
    await expect(passwordMatches('s3cret-passwore', credential)).resolves.toBe(false);
    await expect(scramCredential('x', 4095)).rejects.toThrow(/at least 4096/);
  });
});
