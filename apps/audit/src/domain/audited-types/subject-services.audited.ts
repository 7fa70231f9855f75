import type { DeclarationMadeData, DeclarationScope, DeclarationWithdrawnData, MessageLeftData, MessageRepliedData } from '@cfc/contracts';
import { audited, text } from './audited-type';

// The data account's subject services (identity): messages to the operator (留言) and declarations (声明).
// The entry records that the act happened, when, and a declaration's scope; not the text: a message is
// between the enterprise and the operator, and a declaration's text is printed in the reports it touches.

const SCOPE_WORDS: Record<DeclarationScope, (d: { bindingId?: string; period?: string }) => [string, string]> = {
  REPORT: () => ['适用于全部报告', 'on every report'],
  ACCOUNT: (d) => [`适用于账户 ${d.bindingId}`, `on account ${d.bindingId}`],
  MONTH: (d) => [`适用于账户 ${d.bindingId} 的 ${d.period}`, `on ${d.period} of account ${d.bindingId}`],
};
const scope = (d: { scope: DeclarationScope; bindingId?: string; period?: string }) => ({
  scope: d.scope,
  ...(d.bindingId !== undefined ? { bindingId: d.bindingId } : {}),
  ...(d.period !== undefined ? { period: d.period } : {}),
});
type Scoped = ReturnType<typeof scope> & { declarationId: string };

export const subjectServicesAudited = {
  'message.left': audited<MessageLeftData>()({
    kind: 'MESSAGE',
    data: (d) => ({ messageId: d.messageId }),
    summary: () => text('向平台留言', 'Left a message for the platform'),
  }),
  'message.replied': audited<MessageRepliedData>()({
    kind: 'MESSAGE',
    data: (d) => ({ messageId: d.messageId }),
    summary: () => text('平台答复了留言', 'The platform replied to a message'),
  }),
  'declaration.made': audited<DeclarationMadeData>()({
    kind: 'DECLARATION',
    data: (d): Scoped => ({ declarationId: d.declarationId, ...scope(d) }),
    summary: (d) => {
      const [zh, en] = SCOPE_WORDS[d.scope](d);
      return text(`发布声明（${zh}）`, `Made a declaration (${en})`);
    },
  }),
  'declaration.withdrawn': audited<DeclarationWithdrawnData>()({
    kind: 'DECLARATION',
    data: (d): Scoped => ({ declarationId: d.declarationId, ...scope(d) }),
    summary: (d) => {
      const [zh, en] = SCOPE_WORDS[d.scope](d);
      return text(`撤回声明（${zh}）`, `Withdrew a declaration (${en})`);
    },
  }),
};
