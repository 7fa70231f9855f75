/*
 * The API handler registry: how an API joins the broker.
 *
 * An API is one `ApiHandler` value, declared with `defineApi({...})` in `apis/<name>.api.ts`:
 *   apiKey      wire number (codec/api-keys.ts)
 *   name        for logs
 *   minVersion / maxVersion   the range ApiVersions advertises (see KAFKA-BROKER.md)
 *   flexibleFrom  first flexible (tagged-field) version, if any advertised version is flexible;
 *               the network layer then reads request header v2 and writes response header v1
 *   decode(reader, version)       body bytes -> request value (codec/<api>/ does the work; throw CodecError on bad bytes)
 *   handle(request, ctx)          may be async and may wait as long as it likes (Fetch long-poll, JoinGroup):
 *                                 other connections, and the reading of this one, carry on meanwhile.
 *                                 Return NO_RESPONSE to send nothing (acks=0 Produce).
 *   encode(writer, response, version)  response value -> body bytes (the header is written for you)
 *
 * `ctx` is a RequestContext: { broker: BrokerContext (broker.context.ts: storage, advertised address,
 * options, log, and whatever coordinators broker.ts adds), header: { apiKey, apiVersion, correlationId,
 * clientId }, connection: { id, remote, closed, onClose(fn), session (SASL), closeAfterReply(why) },
 * access: the ACL checks for the connection's principal (auth/request.access.ts) }. Every handler that
 * touches a topic or group asks `access` first, as Apache Kafka's KafkaApis does. Replies on one
 * connection are sent in request order whatever order handlers finish in.
 *
 * broker.ts builds the BrokerContext and the registry from one list: `new ApiRegistry([...coreApis, ...groupApis])`.
 * A new family of APIs adds its list there and, if it needs shared state, one field to BrokerContext.
 */
import type { RequestHeader } from '../codec/header.codec';
import type { Reader } from '../codec/primitives/reader';
import type { Writer } from '../codec/primitives/writer';
import type { BrokerContext } from '../broker.context';
import type { RequestAccess } from '../auth/request.access';
import type { SaslSession } from '../auth/sasl.session';

/** Returned by a handler that must not answer (Produce with acks=0). */
export const NO_RESPONSE: unique symbol = Symbol('no-response');
export type NoResponse = typeof NO_RESPONSE;

/** What a handler knows about the connection its request came on. */
export interface ConnectionContext {
  readonly id: number;
  readonly remote: string;
  readonly closed: boolean;
  /** Runs fn once when the connection closes (cancel long polls, leave groups); returns a function that unregisters it. */
  onClose(fn: () => void): () => void;
  /** Per-connection scratch state; keys are owned by the API that sets them. */
  readonly state: Map<string, unknown>;
  /** SASL progress and the authenticated principal. */
  readonly session: SaslSession;
  /** Closes the connection once this request's reply is sent (how Kafka ends a failed authentication). */
  closeAfterReply(reason: string): void;
}

export interface RequestContext {
  readonly broker: BrokerContext;
  readonly header: RequestHeader;
  readonly connection: ConnectionContext;
  readonly access: RequestAccess;
}

export interface ApiHandler<Req = unknown, Res = unknown> {
  readonly apiKey: number;
  readonly name: string;
  readonly minVersion: number;
  readonly maxVersion: number;
  readonly flexibleFrom?: number;
  decode(reader: Reader, version: number): Req;
  handle(request: Req, ctx: RequestContext): Res | NoResponse | Promise<Res | NoResponse>;
  encode(writer: Writer, response: Res, version: number): void;
}

/** Keeps a handler's request and response types tied together while erasing them for the registry. */
export function defineApi<Req, Res>(handler: ApiHandler<Req, Res>): ApiHandler {
  return handler as unknown as ApiHandler;
}

/** Handlers by api key; ApiVersions advertises exactly what is registered here. */
export class ApiRegistry {
  private readonly byKey = new Map<number, ApiHandler>();

  constructor(handlers: readonly ApiHandler[]) {
    for (const h of handlers) {
      if (this.byKey.has(h.apiKey)) throw new Error(`api key ${h.apiKey} (${h.name}) registered twice`);
      this.byKey.set(h.apiKey, h);
    }
  }

  get(apiKey: number): ApiHandler | undefined {
    return this.byKey.get(apiKey);
  }

  /** [apiKey, min, max] for every registered API, by api key. */
  advertised(): Array<{ apiKey: number; minVersion: number; maxVersion: number }> {
    return [...this.byKey.values()]
      .sort((a, b) => a.apiKey - b.apiKey)
      .map((h) => ({ apiKey: h.apiKey, minVersion: h.minVersion, maxVersion: h.maxVersion }));
  }
}
