import { describeIntegration, uniqueName } from '@cfc/testing';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { bindingView } from '../../report/src/testing/statistics-events';
import { SubjectServicesStack, type Json } from './testing/subject-services.test-stack';

// Messages, declarations and the service guide through the real gateway and identity, on the run's
// PostgreSQL and SASL broker; binding's internal API is the stand-in. The subject services' clock reads
// 2026-11-15 (Asia/Shanghai noon): the current month is 2026-11.
describeIntegration('subject services: messages, declarations, service guide', () => {
  let stack: SubjectServicesStack;
  let a: { uscc: string; token: string };
  let b: { uscc: string; token: string };
  const id = uniqueName('subj');
  const aActive = `${id}-a-active`;
  const aEnded = `${id}-a-ended`;
  const bActive = `${id}-b-active`;

  const messagesOf = async (token: string) => (await stack.call('/v1/subject/messages', { token })).body.messages as Json[];
  const declarationsOf = async (token: string) => (await stack.call('/v1/subject/declarations', { token })).body.declarations as Json[];
  const declare = (token: string, body: unknown) => stack.call('/v1/subject/declarations', { token, body });

  beforeAll(async () => {
    stack = await SubjectServicesStack.start('2026-11-15T04:00:00Z');
    const [ea, eb] = [stack.demo.enterprises[2], stack.demo.enterprises[3]];
    const binding = (bindingId: string, subject: string, number: string) => ({ bindingId, subject, provider: 'B0001', number, type: 'BASIC' as const });
    stack.bindings.put(bindingView(binding(aActive, ea.uscc, '6222020200112233445')), bindingView(binding(aEnded, ea.uscc, '6222020200112233446'), 'ENDED'), bindingView(binding(bActive, eb.uscc, '6222020200112233447')));
    a = { uscc: ea.uscc, token: await stack.enterpriseToken(2) };
    b = { uscc: eb.uscc, token: await stack.enterpriseToken(3) };
  }, 180_000); // services start slowly on a loaded machine
  afterAll(() => stack?.stop());

  it('leaves and lists messages exactly as written; the operator lists the open ones and replies; both go out as events', async () => {
    const text = ' <b>绑定</b> 后多久出数据？\n第二行 😀 ';
    const left = await stack.call('/v1/subject/messages', { token: a.token, body: { text } });
    expect(left.status).toBe(201);
    expect(Object.keys(left.body).sort()).toEqual(['at', 'id']);
    expect(left.body.at).toMatch(/^2026-11-15T04:0\d:\d\d\.\d{3}Z$/); // the moved clock
    const listing = await stack.call('/v1/subject/messages', { token: a.token });
    expect(listing.headers.get('x-content-type-options')).toBe('nosniff');
    const [mine] = await messagesOf(a.token);
    expect(mine).toEqual({ id: left.body.id, text, at: left.body.at, status: 'OPEN' });
    expect((await messagesOf(b.token)).map((m) => m.id)).not.toContain(left.body.id);

    const open = await stack.operator('/internal/operator/messages?status=OPEN&limit=500');
    expect(open.status).toBe(200);
    expect(open.body.messages).toContainEqual({ id: left.body.id, uscc: a.uscc, text, at: left.body.at, status: 'OPEN' });
    const reply = await stack.operator(`/internal/operator/messages/${left.body.id}/reply`, { body: { text: '开户机构确认后，下个自然月报送上月数据。' } });
    expect(reply).toMatchObject({ status: 200, body: { id: left.body.id, status: 'REPLIED', reply: { text: '开户机构确认后，下个自然月报送上月数据。' } } });
    expect((await messagesOf(a.token)).find((m) => m.id === left.body.id)).toMatchObject({ status: 'REPLIED', reply: { text: '开户机构确认后，下个自然月报送上月数据。', at: reply.body.reply.at } });
    expect((await stack.operator('/internal/operator/messages?status=OPEN&limit=500')).body.messages.map((m: Json) => m.id)).not.toContain(left.body.id);
    expect(await stack.operator(`/internal/operator/messages/${left.body.id}/reply`, { body: { text: 'again' } })).toMatchObject({ status: 409, body: { code: 'MESSAGE_ALREADY_REPLIED' } });
    expect(await stack.operator(`/internal/operator/messages/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}/reply`, { body: { text: 'x' } })).toMatchObject({ status: 404, body: { code: 'MESSAGE_NOT_FOUND' } });

    const leftEvent = await stack.published('message.left', left.body.id);
    expect(leftEvent).toMatchObject({ subject: a.uscc, actor: { kind: 'enterprise', id: a.uscc }, streamId: `message-${left.body.id}`, data: { messageId: left.body.id, uscc: a.uscc, text, leftAt: left.body.at } });
    const repliedEvent = await stack.published('message.replied', left.body.id);
    expect(repliedEvent).toMatchObject({ subject: a.uscc, actor: { kind: 'system', id: 'identity-operator' }, data: { uscc: a.uscc, repliedAt: reply.body.reply.at } });
  });

  it('keeps the operator routes behind the operator token, answering nothing without it', async () => {
    const [target] = await messagesOf(a.token);
    for (const authorization of [null, 'Bearer wrong-token-of-the-same-length-0123456789xyzabcd', `Basic ${Buffer.from('x:y').toString('base64')}`]) {
      expect(await stack.operator('/internal/operator/messages', { authorization })).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
      // A bad body too: the token is checked before anything is read.
      expect(await stack.operator(`/internal/operator/messages/${target.id}/reply`, { authorization, body: { text: '' } })).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
    }
    // Not routed by the gateway at all.
    expect((await stack.call('/internal/operator/messages', { token: a.token })).status).toBe(404);
  });

  it.each([
    ['empty', { text: '' }, 'TEXT_EMPTY'],
    ['only white space', { text: ' \n\u3000' }, 'TEXT_EMPTY'],
    ['over 2,000 characters', { text: 'x'.repeat(2001) }, 'TEXT_TOO_LONG'],
    ['a NUL character', { text: 'a\u0000b' }, 'TEXT_CONTROL_CHARACTER'],
    ['not a string', { text: 42 }, 'TEXT_NOT_A_STRING'],
    ['missing', {}, 'TEXT_NOT_A_STRING'],
    ['an unknown field', { text: 'ok', html: true }, 'UNKNOWN_FIELD'],
  ])('refuses a message that is %s with 400 naming the field, and stores nothing', async (_what, body, code) => {
    const before = (await messagesOf(b.token)).length;
    const answer = await stack.call('/v1/subject/messages', { token: b.token, body });
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expect(answer.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(answer.body.errors.map((e: Json) => e.code)).toContain(code);
    expect(await messagesOf(b.token)).toHaveLength(before);
  });

  it('refuses an unpaired surrogate (it could not be stored as sent) and takes 2,000 characters beyond the BMP', async () => {
    const lone = await stack.call('/v1/subject/messages', { token: b.token, raw: '{"text":"a\\ud800b"}' });
    expect(lone).toMatchObject({ status: 400, body: { errors: [{ field: 'text', code: 'TEXT_NOT_WELL_FORMED' }] } });
    // Straight to identity too: its own check, not only the gateway's.
    expect((await stack.asEnterprise(b.uscc, '/v1/subject/messages', { body: { text: '' } })).body.errors).toEqual([expect.objectContaining({ field: 'text', code: 'TEXT_EMPTY' })]);
    const wide = await stack.call('/v1/subject/messages', { token: b.token, body: { text: '😀'.repeat(2000) } });
    expect(wide.status).toBe(201);
    expect((await messagesOf(b.token)).find((m) => m.id === wide.body.id)?.text).toBe('😀'.repeat(2000));
  });

  it('makes declarations on the whole report, an active binding and a month of it; lists and withdraws them, never erasing', async () => {
    const whole = await declare(a.token, { text: '<script>alert(1)</script> 本企业声明' });
    const account = await declare(a.token, { text: '该账户为收款专户', bindingId: aActive });
    const month = await declare(a.token, { text: '十一月含一笔退款', bindingId: aActive, period: '2026-11' });
    for (const made of [whole, account, month]) expect(made).toMatchObject({ status: 201, body: { id: expect.any(String), at: expect.any(String) } });
    const listed = (await declarationsOf(a.token)).filter((d) => [whole, account, month].some((m) => m.body.id === d.id));
    expect(listed).toEqual([
      { id: month.body.id, text: '十一月含一笔退款', scope: 'MONTH', bindingId: aActive, period: '2026-11', at: month.body.at, status: 'ACTIVE' },
      { id: account.body.id, text: '该账户为收款专户', scope: 'ACCOUNT', bindingId: aActive, at: account.body.at, status: 'ACTIVE' },
      { id: whole.body.id, text: '<script>alert(1)</script> 本企业声明', scope: 'REPORT', at: whole.body.at, status: 'ACTIVE' },
    ]);
    const withdrawn = await stack.call(`/v1/subject/declarations/${whole.body.id}`, { method: 'DELETE', token: a.token });
    expect(withdrawn).toMatchObject({ status: 200, body: { id: whole.body.id, status: 'WITHDRAWN', withdrawnAt: expect.any(String), text: '<script>alert(1)</script> 本企业声明' } });
    expect(await stack.call(`/v1/subject/declarations/${whole.body.id}`, { method: 'DELETE', token: a.token })).toMatchObject({ status: 409, body: { code: 'DECLARATION_ALREADY_WITHDRAWN' } });
    expect((await stack.call('/v1/subject/declarations?status=WITHDRAWN', { token: a.token })).body.declarations.map((d: Json) => d.id)).toContain(whole.body.id);
    expect((await stack.call('/v1/subject/declarations?status=ACTIVE', { token: a.token })).body.declarations.map((d: Json) => d.id)).not.toContain(whole.body.id);

    expect(await stack.published('declaration.made', month.body.id)).toMatchObject({ subject: a.uscc, actor: { kind: 'enterprise', id: a.uscc }, data: { scope: 'MONTH', bindingId: aActive, period: '2026-11', text: '十一月含一笔退款' } });
    expect(await stack.published('declaration.withdrawn', whole.body.id)).toMatchObject({ subject: a.uscc, data: { declarationId: whole.body.id, scope: 'REPORT', withdrawnAt: withdrawn.body.withdrawnAt } });
    // the made event is still there: withdrawing erases nothing
    expect(await stack.published('declaration.made', whole.body.id)).toMatchObject({ data: { text: '<script>alert(1)</script> 本企业声明' } });
  });

  it.each([
    ['a month without a binding', { text: 'x', period: '2026-10' }, 400, 'VALIDATION_FAILED', 'PERIOD_WITHOUT_BINDING'],
    ['a month that is not one', { text: 'x', bindingId: 'B', period: '2026-13' }, 400, 'VALIDATION_FAILED', 'PERIOD_FORMAT'],
    ['a month that has not begun', { text: 'x', bindingId: 'B', period: '2026-12' }, 400, 'VALIDATION_FAILED', 'PERIOD_IN_FUTURE'],
    ['over 500 characters', { text: '声'.repeat(501) }, 400, 'VALIDATION_FAILED', 'TEXT_TOO_LONG'],
    ['empty', { text: '   ' }, 400, 'VALIDATION_FAILED', 'TEXT_EMPTY'],
    ["another enterprise's binding", { text: 'x', bindingId: 'B' }, 422, 'BINDING_NOT_FOUND', 'BINDING_NOT_FOUND'],
    ['a binding nobody has', { text: 'x', bindingId: 'no-such-binding' }, 422, 'BINDING_NOT_FOUND', 'BINDING_NOT_FOUND'],
    ['its own ended binding', { text: 'x', bindingId: 'ENDED' }, 422, 'BINDING_NOT_ACTIVE', 'BINDING_NOT_ACTIVE'],
  ])('refuses a declaration (%s) with a clear problem, and stores nothing', async (_what, given, status, code, fieldCode) => {
    const body = { ...given, ...('bindingId' in given ? { bindingId: given.bindingId === 'B' ? bActive : given.bindingId === 'ENDED' ? aEnded : given.bindingId } : {}) };
    const before = (await declarationsOf(a.token)).length;
    const answer = await stack.call('/v1/subject/declarations', { token: a.token, body });
    expect({ status: answer.status, code: answer.body.code }).toEqual({ status, code });
    expect(answer.body.errors.map((e: Json) => e.code)).toContain(fieldCode);
    expect(await declarationsOf(a.token)).toHaveLength(before);
  });

  it("does not let another enterprise see or withdraw a declaration: it is a 404, as one that does not exist", async () => {
    const mine = await declare(a.token, { text: '仅本企业可见的声明管理' });
    expect((await declarationsOf(b.token)).map((d) => d.id)).not.toContain(mine.body.id);
    expect(await stack.call(`/v1/subject/declarations/${mine.body.id}`, { method: 'DELETE', token: b.token })).toMatchObject({ status: 404, body: { code: 'DECLARATION_NOT_FOUND' } });
    expect(await stack.call(`/v1/subject/declarations/${'1'.repeat(8)}-1111-4111-8111-${'1'.repeat(12)}`, { method: 'DELETE', token: b.token })).toMatchObject({ status: 404, body: { code: 'DECLARATION_NOT_FOUND' } });
    expect((await stack.call('/v1/subject/declarations/not-an-id', { method: 'DELETE', token: b.token })).status).toBe(404);
    expect((await declarationsOf(a.token)).find((d) => d.id === mine.body.id)).toMatchObject({ status: 'ACTIVE' });
    // Lenders have no business here at all.
    expect((await stack.call('/v1/subject/declarations')).status).toBe(401);
  });

  it('bounds the active declarations of one enterprise, withdrawn ones not counted', async () => {
    const c = stack.demo.enterprises[6].uscc;
    const made: string[] = [];
    for (let i = 0; i < 50; i++) {
      const answer = await stack.asEnterprise(c, '/v1/subject/declarations', { body: { text: `声明 ${i}` } });
      expect(answer.status).toBe(201);
      made.push(answer.body.id);
    }
    expect(await stack.asEnterprise(c, '/v1/subject/declarations', { body: { text: 'one too many' } })).toMatchObject({ status: 409, body: { code: 'DECLARATION_LIMIT_REACHED', limit: 50 } });
    expect((await stack.asEnterprise(c, `/v1/subject/declarations/${made[0]}`, { method: 'DELETE' })).status).toBe(200);
    expect((await stack.asEnterprise(c, '/v1/subject/declarations', { body: { text: 'now it fits' } })).status).toBe(201);
  });

  it('serves the guide without a token: JSON for the portal, each section, and readable pages under the CSP', async () => {
    const guide = await stack.call('/v1/guide');
    expect(guide.status).toBe(200);
    expect(guide.body.sections.map((s: Json) => s.id)).toEqual(['login', 'service', 'manual']);
    expect(guide.body.sections[0].title).toEqual({ 'zh-CN': '登录指引', en: 'Logging in' });
    expect(guide.body.faq.map((e: Json) => e.id)).toEqual(expect.arrayContaining(['what-is-it', 'who-sees', 'products', 'bind-unbind', 'objection', 'free-no-repair', 'retention']));
    const faq = await stack.call('/v1/guide/faq');
    expect(faq.body).toMatchObject({ id: 'faq', title: { 'zh-CN': '常见问题' } });
    expect(faq.body.entries.find((e: Json) => e.id === 'objection').answer['zh-CN']).toContain('20 日内');
    expect(await stack.call('/v1/guide/nope')).toMatchObject({ status: 404 });

    const page = await stack.call('/guide');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.text).toContain('<h1><span lang="zh-CN">信息主体服务</span>');
    expect(page.text).not.toMatch(/<script|\sstyle=/);
    const section = await stack.call('/guide/faq');
    expect(section.text).toContain('<article id="faq-free-no-repair"');
    expect((await stack.call('/guide/guide.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect((await stack.call('/guide/nope')).status).toBe(404);
    // A client holding the page already is answered 304, through the gateway.
    const again = await stack.call('/guide', { headers: { 'if-none-match': page.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });
});
