import { NO_RESPONSE, type ApiHandler, type ConnectionContext } from '../apis/api.registry';
import { requestAccess } from '../auth/request.access';
import type { BrokerContext } from '../broker.context';
import { ApiKey } from '../codec/api-keys';
import { encodeApiVersionsUnsupported } from '../codec/api-versions/api-versions.v0';
import { decodeRequestHeader, encodeResponseHeader, readHeaderTags, type RequestHeader } from '../codec/header.codec';
import { CodecError } from '../codec/primitives/codec.error';
import { Reader } from '../codec/primitives/reader';
import { Writer } from '../codec/primitives/writer';

const BEFORE_AUTHENTICATION: ReadonlySet<number> = new Set([ApiKey.ApiVersions, ApiKey.SaslHandshake, ApiKey.SaslAuthenticate]);

/** A request the connection must be closed for, with the reason to log. */
export class RejectedRequest extends Error {
  override readonly name = 'RejectedRequest';
}

/**
 * Turns one frame into its reply: header, version check, decode, handle, encode. Decoding happens
 * synchronously, so requests on one connection reach their handlers in arrival order.
 * Returns the reply buffers (size prefix included), [] for no reply, or throws RejectedRequest.
 */
export function dispatch(
  frame: Buffer,
  broker: BrokerContext,
  connection: ConnectionContext,
): Promise<Buffer[]> | Buffer[] {
  const reader = new Reader(frame);
  let header: RequestHeader;
  try {
    header = decodeRequestHeader(reader);
  } catch (e) {
    throw new RejectedRequest(`malformed request header: ${(e as Error).message}`);
  }
  const handler = broker.registry.get(header.apiKey);
  if (!handler) throw new RejectedRequest(`unknown api key ${header.apiKey} (correlation id ${header.correlationId})`);
  // As Apache Kafka: before authentication only ApiVersions and the SASL APIs; anything else is an
  // illegal SASL state and closes the connection, so an unauthenticated client never sees data.
  if (!connection.session.authenticated && !BEFORE_AUTHENTICATION.has(header.apiKey)) {
    throw new RejectedRequest(`${handler.name} request before SASL authentication (illegal SASL state)`);
  }
  const { apiVersion: version } = header;
  if (version < handler.minVersion || version > handler.maxVersion) {
    // librdkafka opens with ApiVersions v3 and retries lower when told UNSUPPORTED_VERSION in a v0 body.
    if (header.apiKey === ApiKey.ApiVersions) return frameReply(header.correlationId, false, (w) => encodeApiVersionsUnsupported(w, broker.registry.advertised()));
    throw new RejectedRequest(`${handler.name} v${version} not supported (${handler.minVersion}-${handler.maxVersion})`);
  }
  const flexible = handler.flexibleFrom !== undefined && version >= handler.flexibleFrom;
  let request: unknown;
  try {
    readHeaderTags(reader, flexible);
    request = handler.decode(reader, version);
  } catch (e) {
    if (e instanceof CodecError) throw new RejectedRequest(`malformed ${handler.name} v${version} request: ${e.message}`);
    throw e;
  }
  const access = requestAccess(broker.security, connection.session.principal, handler.name, connection.remote, broker.log);
  const result = handler.handle(request, { broker, header, connection, access });
  if (result instanceof Promise) return result.then((res) => reply(handler, header, flexible, res));
  return reply(handler, header, flexible, result);
}

function reply(handler: ApiHandler, header: RequestHeader, flexible: boolean, response: unknown): Buffer[] {
  if (response === NO_RESPONSE) return [];
  // ApiVersions answers with response header v0 even in flexible versions, so old clients can read it.
  const flexibleHeader = flexible && header.apiKey !== ApiKey.ApiVersions;
  return frameReply(header.correlationId, flexibleHeader, (w) => handler.encode(w, response, header.apiVersion));
}

function frameReply(correlationId: number, flexibleHeader: boolean, body: (w: Writer) => void): Buffer[] {
  const w = new Writer();
  w.int32(0);
  encodeResponseHeader(w, correlationId, flexibleHeader);
  body(w);
  const buffers = w.buffers();
  buffers[0].writeInt32BE(w.length - 4, 0);
  return buffers;
}
