import { decodeRequestHeader, readHeaderTags } from './header.codec';
import { Reader } from './primitives/reader';

describe('request header', () => {
  it('decodes the ApiVersions v3 probe librdkafka opens with (header v2, flexible body)', () => {
    // Frame body as kcat 1.7.1 (librdkafka 2.0.2) sends it, after the size prefix.
    const bytes = Buffer.from('0012000300000001000772646b61666b61000b6c696272646b61666b6106322e302e3200', 'hex');
    const r = new Reader(bytes);
    const h = decodeRequestHeader(r);
    expect(h).toEqual({ apiKey: 18, apiVersion: 3, correlationId: 1, clientId: 'rdkafka' });
    readHeaderTags(r, true);
    expect(r.compactString()).toBe('librdkafka');
    expect(r.compactString()).toBe('2.0.2');
  });

  it('decodes a kafkajs ApiVersions v2 request header', () => {
    const bytes = Buffer.from('00120002000000000007' + Buffer.from('kafkajs').toString('hex'), 'hex');
    expect(decodeRequestHeader(new Reader(bytes))).toEqual({ apiKey: 18, apiVersion: 2, correlationId: 0, clientId: 'kafkajs' });
  });
});
