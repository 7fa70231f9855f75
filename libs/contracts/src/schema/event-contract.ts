import { compileValidator, type JsonSchema, type Validator } from './validator';

/** One version of one event or message type: its name, version, schema and compiled validator. */
export interface Contract<Type extends string, Body> {
  readonly type: Type;
  readonly schemaVersion: number;
  readonly schema: JsonSchema;
  readonly validate: Validator<Body>;
}

/** Declares a domain event's data contract: `defineEvent<MyData>()('thing.happened', 1, schema)`. */
export function defineEvent<Data>() {
  return <Type extends string>(type: Type, schemaVersion: number, dataSchema: JsonSchema): Contract<Type, Data> => ({
    type,
    schemaVersion,
    schema: dataSchema,
    validate: compileValidator<Data>(`${type} v${schemaVersion} data`, dataSchema),
  });
}

/** Declares a whole message (type field included), for the external Kafka contract. */
export function defineMessage<Message extends { type: string }>() {
  return <Type extends Message['type']>(type: Type, schemaVersion: number, schema: JsonSchema): Contract<Type, Message> => ({
    type,
    schemaVersion,
    schema,
    validate: compileValidator<Message>(`${type} v${schemaVersion}`, schema),
  });
}
