import type { MessageLeftData, MessageRepliedData } from '@cfc/contracts';

// Events of one message stream (message-<messageId>): the enterprise's words to the operator, and the answer.
export type MessageLeft = { readonly type: 'message.left'; readonly data: MessageLeftData };
export type MessageReplied = { readonly type: 'message.replied'; readonly data: MessageRepliedData };
export type MessageEvent = MessageLeft | MessageReplied;

/** Stream id of one message. */
export function messageStreamId(messageId: string): string {
  return `message-${messageId}`;
}
