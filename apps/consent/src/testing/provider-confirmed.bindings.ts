import { randomInt } from 'node:crypto';
import { providerOutboundTopic } from '@cfc/contracts';
import { serviceAuthHeaders, type ProviderTap, type SigningProvider } from '@cfc/testing';

// TEST SUPPORT ONLY. Bindings made as the platform makes them: the enterprise asks the real binding
// service (as the gateway would call it), binding tells the provider on its outbound topic, and the
// provider, a plain kafkajs client (ProviderTap), confirms with a signed answer on the inbound topic.

const POLL_MS = 25;
const TIMEOUT_MS = 30_000;

export class ProviderConfirmedBindings {
  private readonly subjects = new Map<string, string>();
  private agreementVersion?: string;

  constructor(
    private readonly bindingUrl: string,
    private readonly tap: ProviderTap,
    private readonly provider: SigningProvider,
  ) {}

  /** A new ACTIVE binding of `subject` (a fresh account at the provider); resolves once binding says ACTIVE. */
  async bind(subject: string): Promise<string> {
    const accountNumber = `6222${String(randomInt(10 ** 12)).padStart(12, '0')}${randomInt(1000)}`;
    const body = { provider: this.provider.institutionId, accountNumber, accountType: 'BASIC', agreementVersion: await this.agreement(subject), agreementAccepted: true };
    const { status, json } = await this.call('POST', '/v1/subject/bindings', subject, body);
    if (status !== 202) throw new Error(`binding request refused: ${status} ${JSON.stringify(json)}`);
    const id = json.id as string;
    this.subjects.set(id, subject);
    const outbound = providerOutboundTopic(this.provider.institutionId);
    await this.tap.waitFor(`binding.requested ${id}`, (m) => m.topic === outbound && m.value?.type === 'binding.requested' && m.value.bindingId === id);
    await this.tap.answer({ type: 'binding.confirmed', bindingId: id, provider: this.provider.institutionId }, this.provider);
    await this.until(`binding ${id} ACTIVE`, async () => (await this.status(id)) === 'ACTIVE');
    return id;
  }

  /** The enterprise unbinds: from the moment this resolves, binding answers ENDED. */
  async end(bindingId: string): Promise<void> {
    const subject = this.subjects.get(bindingId);
    if (!subject) throw new Error(`not a binding of this stack: ${bindingId}`);
    const { status, json } = await this.call('DELETE', `/v1/subject/bindings/${bindingId}`, subject);
    if (status !== 200 || json.status !== 'ENDED') throw new Error(`unbinding refused: ${status} ${JSON.stringify(json)}`);
  }

  private async status(bindingId: string): Promise<string | undefined> {
    const headers = { ...(await serviceAuthHeaders('binding', {}, 'consent')), 'content-type': 'application/json' };
    const res = await fetch(`${this.bindingUrl}/internal/bindings/status`, { method: 'POST', headers, body: JSON.stringify({ bindingIds: [bindingId] }) });
    const json = (await res.json()) as { bindings: Array<{ status: string }> };
    return json.bindings[0]?.status;
  }

  private async agreement(subject: string): Promise<string> {
    this.agreementVersion ??= (await this.call('GET', '/v1/subject/agreement', subject)).json.version as string;
    return this.agreementVersion;
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read field by field
  private async call(method: string, path: string, subject: string, body?: unknown): Promise<{ status: number; json: any }> {
    const headers: Record<string, string> = await serviceAuthHeaders('binding', { principal: { kind: 'enterprise', id: subject } });
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${this.bindingUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, json: await res.json() };
  }

  private async until(what: string, check: () => Promise<boolean>): Promise<void> {
    const deadline = Date.now() + TIMEOUT_MS;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  }
}
