import { MESSAGE_TEXT_MAX_CHARACTERS, subjectTextProblem, type SubjectTextProblem } from '@cfc/contracts';
import type { MessageEvent } from './message.events';

// A message (留言) is left once by an enterprise and answered once by the platform operator; nothing in
// it is ever changed or removed (both directions reach the audit stream).
export type MessageState = { status: 'NONE' } | { status: 'OPEN' | 'REPLIED'; messageId: string; uscc: string };

export type MessageCommand =
  | { type: 'LeaveMessage'; messageId: string; uscc: string; text: string; now: string }
  | { type: 'ReplyToMessage'; text: string; now: string };

export type MessageRule = 'MESSAGE_EXISTS' | 'MESSAGE_NOT_FOUND' | 'MESSAGE_ALREADY_REPLIED' | SubjectTextProblem;

export class MessageRuleViolation extends Error {
  constructor(readonly rule: MessageRule) {
    super(rule);
  }
}

export const initialMessageState = (): MessageState => ({ status: 'NONE' });

/** decide(command, state) -> events; throws MessageRuleViolation when the command breaks a rule. */
export function decideMessage(command: MessageCommand, state: MessageState): MessageEvent[] {
  const textProblem = subjectTextProblem(command.text, MESSAGE_TEXT_MAX_CHARACTERS);
  if (textProblem) throw new MessageRuleViolation(textProblem);
  switch (command.type) {
    case 'LeaveMessage':
      if (state.status !== 'NONE') throw new MessageRuleViolation('MESSAGE_EXISTS');
      return [{ type: 'message.left', data: { messageId: command.messageId, uscc: command.uscc, text: command.text, leftAt: command.now } }];
    case 'ReplyToMessage':
      if (state.status === 'NONE') throw new MessageRuleViolation('MESSAGE_NOT_FOUND');
      if (state.status === 'REPLIED') throw new MessageRuleViolation('MESSAGE_ALREADY_REPLIED');
      return [{ type: 'message.replied', data: { messageId: state.messageId, uscc: state.uscc, text: command.text, repliedAt: command.now } }];
    default: {
      const unknown: never = command;
      throw new Error(`unknown command ${JSON.stringify(unknown)}`);
    }
  }
}

/** evolve(state, event) -> state. */
export function evolveMessage(state: MessageState, event: MessageEvent): MessageState {
  switch (event.type) {
    case 'message.left':
      return { status: 'OPEN', messageId: event.data.messageId, uscc: event.data.uscc };
    case 'message.replied':
      return state.status === 'NONE' ? state : { ...state, status: 'REPLIED' };
    default: {
      const unknown: never = event;
      throw new Error(`unknown event ${JSON.stringify(unknown)}`);
    }
  }
}
