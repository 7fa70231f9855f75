import { enterpriseLogin, institutionToken, requestBinding, type Call } from './api';
import { lastCompleteMonths, monthRecord, statisticsMessage, type ProviderClient } from './kafka';
import { eventually, type Demo, type Stack } from './stack';

type Enterprise = Demo['enterprises'][number];

/**
 * The demo's parties as a suite's tests use them: each test takes an enterprise no other test of the suite
 * uses, so none depends on another's state. B0001 is played by the suite (simulator off); months and times
 * go through the platform clock.
 */
export class Parties {
  private nextEnterprise = 0;

  constructor(
    private readonly stack: Stack,
    private readonly call: Call,
    private readonly provider: ProviderClient,
  ) {}

  /** A demo enterprise no earlier test of this suite took. */
  freshEnterprise(): Enterprise {
    const enterprise = this.stack.demo.enterprises[this.nextEnterprise++];
    if (!enterprise) throw new Error('the demo has no enterprise left for this suite');
    return enterprise;
  }

  /** The last `count` complete months on the platform clock. */
  months(count: number): string[] {
    return lastCompleteMonths(count, new Date(Date.now() + this.stack.clockOffsetMs()));
  }

  /** The enterprise logged in (the code from the SMS outbox). */
  async loggedIn(enterprise: Enterprise): Promise<{ enterprise: Enterprise; token: string }> {
    return { enterprise, token: await enterpriseLogin(this.stack, this.call, enterprise) };
  }

  /** A fresh enterprise, logged in, its B0001 account bound and confirmed, and `streamed` months supplied. */
  async boundEnterprise(streamed = 12) {
    const { call, provider } = this;
    const enterprise = this.freshEnterprise();
    const account = enterprise.accounts.find((a) => a.provider === 'B0001')!;
    const { token } = await this.loggedIn(enterprise);
    const bindingId = await requestBinding(call, token, account);
    await provider.start(); // once: its outbound topic exists from the first binding request on
    await provider.told('binding.requested', (m) => m.json.bindingId === bindingId);
    await provider.send({ type: 'binding.confirmed', bindingId, provider: 'B0001' }, bindingId);
    await eventually('the binding ACTIVE', async () => ((await call('GET', `/v1/subject/bindings/${bindingId}`, { token })).body.status === 'ACTIVE' ? true : undefined), 120_000, 500);
    const periods = this.months(streamed);
    const inflows = periods.map((_, i) => 2_000_000 + i * 1_000);
    if (streamed > 0) {
      const submission = statisticsMessage('B0001', periods.map((period, i) => monthRecord({ account, subject: enterprise.uscc, period, inflow: inflows[i], outflow: 1_000_000 })));
      await provider.send(submission, bindingId);
      await provider.told('the months accepted', (m) => m.json.type === 'submission.accepted' && m.json.submissionId === submission.submissionId);
    }
    return { enterprise, account, token, bindingId, periods, inflows };
  }

  /** The first demo lender asks for both products over 12 months (plus `request`), and the enterprise grants it. */
  async grantedAuthorization(token: string, uscc: string, request: Record<string, unknown> = {}) {
    const lender = await institutionToken(this.stack, this.stack.demo.lenders[0]);
    const asked = await this.call('POST', '/v1/authorizations', { token: lender, body: { subject: uscc, purpose: 'CREDIT_LINE_REVIEW', products: ['CREDIT_REPORT', 'DETAIL_SUMMARY'], months: 12, validDays: 30, ...request } });
    if (asked.status !== 201) throw new Error(`authorisation request: ${asked.status} ${JSON.stringify(asked.body)}`);
    const granted = await this.call('POST', `/v1/subject/authorizations/${asked.body.id}/grant`, { token, body: {} });
    if (granted.status !== 200 || granted.body.status !== 'ACTIVE') throw new Error(`grant: ${granted.status} ${JSON.stringify(granted.body)}`);
    return { lender, id: asked.body.id as string };
  }
}
