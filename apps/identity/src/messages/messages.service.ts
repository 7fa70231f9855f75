import { randomUUID } from 'node:crypto';
import { MESSAGE_TEXT_MAX_CHARACTERS } from '@cfc/contracts';
import { CommandHandler, type AppendContext, type PostgresEventStore, type SqlDatabase } from '@cfc/eventing';
import { decideMessage, evolveMessage, initialMessageState, type MessageCommand, type MessageState } from '../domain/message/message.decider';
import { messageStreamId, type MessageEvent } from '../domain/message/message.events';
import { subjectServiceProblem } from '../subject-services.problems';
import { projectMessageEvent } from './messages.projection';

export interface MessageView {
  id: string;
  text: string;
  at: string;
  status: 'OPEN' | 'REPLIED';
  reply?: { text: string; at: string };
}
export type OperatorMessageView = MessageView & { uscc: string };

/** The operator replies as the platform (the envelope's actor kinds are enterprise, institution, system). */
const OPERATOR: AppendContext['actor'] = { kind: 'system', id: 'identity-operator' };
const ENTERPRISE_LIST_LIMIT = 500;

interface Row { message_id: string; uscc: string; text: string; left_at: Date; reply_text: string | null; replied_at: Date | null }
const viewOf = (r: Row): OperatorMessageView => ({
  id: r.message_id,
  uscc: r.uscc,
  text: r.text,
  at: r.left_at.toISOString(),
  status: r.replied_at ? 'REPLIED' : 'OPEN',
  ...(r.replied_at && r.reply_text !== null ? { reply: { text: r.reply_text, at: r.replied_at.toISOString() } } : {}),
});

/**
 * Messages (留言): an enterprise leaves one, the operator answers it. Each command appends its event (the
 * outbox of cfc.identity.events.v1) and updates identity.messages in the same transaction.
 */
export class MessagesService {
  private readonly handler: CommandHandler<MessageCommand, MessageEvent, MessageState>;

  constructor(
    store: PostgresEventStore,
    private readonly db: SqlDatabase,
    private readonly now: () => Date,
  ) {
    this.handler = new CommandHandler(store, { initialState: initialMessageState, evolve: evolveMessage, decide: decideMessage });
  }

  async leave(uscc: string, text: string, correlationId: string): Promise<{ id: string; at: string }> {
    const id = randomUUID();
    const at = this.now().toISOString();
    await this.run(id, { type: 'LeaveMessage', messageId: id, uscc, text, now: at }, { actor: { kind: 'enterprise', id: uscc }, subject: uscc, correlationId });
    return { id, at };
  }

  /** The operator's answer; an unknown message is MESSAGE_NOT_FOUND. */
  async reply(messageId: string, text: string, correlationId: string): Promise<OperatorMessageView> {
    const owner = await this.db.query<{ uscc: string }>(`SELECT uscc FROM identity.messages WHERE message_id = $1`, [messageId]);
    const uscc = owner.rows[0]?.uscc;
    await this.run(messageId, { type: 'ReplyToMessage', text, now: this.now().toISOString() }, { actor: OPERATOR, subject: uscc, correlationId });
    return (await this.find(messageId))!;
  }

  /** The enterprise's own messages, newest first. */
  async ofEnterprise(uscc: string): Promise<MessageView[]> {
    const { rows } = await this.db.query<Row>(`SELECT * FROM identity.messages WHERE uscc = $1 ORDER BY left_at DESC, message_id LIMIT ${ENTERPRISE_LIST_LIMIT}`, [uscc]);
    return rows.map((r) => {
      const { uscc: _uscc, ...view } = viewOf(r);
      return view;
    });
  }

  /** Every enterprise's messages for the operator, oldest first: OPEN ones await a reply. */
  async forOperator(status: 'OPEN' | 'REPLIED' | undefined, limit: number): Promise<OperatorMessageView[]> {
    const where = status === 'OPEN' ? 'WHERE replied_at IS NULL' : status === 'REPLIED' ? 'WHERE replied_at IS NOT NULL' : '';
    const { rows } = await this.db.query<Row>(`SELECT * FROM identity.messages ${where} ORDER BY left_at, message_id LIMIT $1`, [limit]);
    return rows.map(viewOf);
  }

  private async find(messageId: string): Promise<OperatorMessageView | undefined> {
    const { rows } = await this.db.query<Row>(`SELECT * FROM identity.messages WHERE message_id = $1`, [messageId]);
    return rows[0] && viewOf(rows[0]);
  }

  private async run(messageId: string, command: MessageCommand, context: AppendContext): Promise<void> {
    try {
      await this.db.transaction(async (tx) => {
        const { events } = await this.handler.handle(messageStreamId(messageId), command, context, tx);
        for (const e of events) await projectMessageEvent(tx, { type: e.type, data: e.data } as MessageEvent, e.streamVersion);
      });
    } catch (error) {
      throw subjectServiceProblem(error, MESSAGE_TEXT_MAX_CHARACTERS);
    }
  }
}
