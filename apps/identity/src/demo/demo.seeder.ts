import type { DemoDataSet } from '../domain/demo/demo-data';
import { DEMO_INSTITUTIONS } from '../domain/demo/demo-data';
import { hashSecret, verifySecret } from '../crypto/secret.hasher';
import type { EmbeddedEnterpriseRegistry } from '../registry/embedded.enterprise-registry';
import type { InstitutionService } from '../institutions/institution.service';
import type { InstitutionRole } from '../domain/institution/institution.events';

/** Puts the demo data set into the embedded registry and the institution streams; safe to rerun. */
export async function seedDemoData(dataSet: DemoDataSet, registry: EmbeddedEnterpriseRegistry, institutions: InstitutionService, now: () => Date): Promise<void> {
  await registry.upsert(dataSet.enterprises);
  const at = () => now().toISOString();
  const register = async (institutionId: string, name: string, roles: InstitutionRole[]) =>
    institutions.handle(institutionId, { type: 'RegisterInstitution', institutionId, name, roles, now: at() });
  for (const provider of dataSet.providers) {
    const name = DEMO_INSTITUTIONS.providers.find((p) => p.institutionId === provider.institutionId)?.name ?? provider.institutionId;
    await register(provider.institutionId, name, ['PROVIDER']);
    await institutions.handle(provider.institutionId, { type: 'RegisterProviderKey', keyId: provider.keyId, publicKeyPem: provider.publicKeyPem, now: at() });
  }
  const clients = [
    ...dataSet.lenders.map((c) => ({ ...c, roles: ['USER'] as InstitutionRole[], names: DEMO_INSTITUTIONS.lenders as readonly { institutionId: string; name: string }[] })),
    ...dataSet.regulators.map((c) => ({ ...c, roles: ['REGULATOR'] as InstitutionRole[], names: DEMO_INSTITUTIONS.regulators as readonly { institutionId: string; name: string }[] })),
  ];
  for (const client of clients) {
    await register(client.institutionId, client.names.find((n) => n.institutionId === client.institutionId)?.name ?? client.institutionId, client.roles);
    const current = await institutions.clientCredential(client.clientId);
    // scrypt hashes are salted: only set a new secret when the one in demo.json really changed.
    if (current && (await verifySecret(client.clientSecret, current.secretHash))) continue;
    await institutions.registerClient(client.institutionId, client.clientId, await hashSecret(client.clientSecret), at());
  }
}
