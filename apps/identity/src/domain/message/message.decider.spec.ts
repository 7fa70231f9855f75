import { decideMessage, evolveMessage, initialMessageState, MessageRuleViolation, type MessageCommand, type MessageState } from './message.decider';

const now = '2026-11-24T05:00:00.000Z';
const USCC = '91110000600037341L';
const ID = '3f1c8a52-7f54-4d1e-a0a4-93c1f4a1b2c7';
function given(commands: MessageCommand[]): MessageState {
  return commands.reduce((state, c) => decideMessage(c, state).reduce(evolveMessage, state), initialMessageState());
}
const leave = (text = '请问绑定需要多久？'): MessageCommand => ({ type: 'LeaveMessage', messageId: ID, uscc: USCC, text, now });
const reply = (text = '通常一个工作日内。'): MessageCommand => ({ type: 'ReplyToMessage', text, now });
const rule = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof MessageRuleViolation ? error.rule : error;
  }
  return 'no violation';
};

describe('message decider', () => {
  it('leaves a message with its text exactly as written', () => {
    expect(decideMessage(leave(' <b>a</b>\n'), initialMessageState())).toEqual([{ type: 'message.left', data: { messageId: ID, uscc: USCC, text: ' <b>a</b>\n', leftAt: now } }]);
  });

  it('takes one reply, for the enterprise the message came from', () => {
    const open = given([leave()]);
    expect(decideMessage(reply(), open)).toEqual([{ type: 'message.replied', data: { messageId: ID, uscc: USCC, text: '通常一个工作日内。', repliedAt: now } }]);
    expect(rule(() => decideMessage(reply(), given([leave(), reply()])))).toBe('MESSAGE_ALREADY_REPLIED');
  });

  it('refuses a reply to no message, a second message under the same id, and texts that say nothing or too much', () => {
    expect(rule(() => decideMessage(reply(), initialMessageState()))).toBe('MESSAGE_NOT_FOUND');
    expect(rule(() => decideMessage(leave(), given([leave()])))).toBe('MESSAGE_EXISTS');
    expect(rule(() => decideMessage(leave('   '), initialMessageState()))).toBe('TEXT_EMPTY');
    expect(rule(() => decideMessage(leave('x'.repeat(2001)), initialMessageState()))).toBe('TEXT_TOO_LONG');
    expect(rule(() => decideMessage(reply(''), given([leave()])))).toBe('TEXT_EMPTY');
  });
});
