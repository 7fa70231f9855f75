"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.seedDemoData = seedDemoData;
const demo_data_1 = require("../domain/demo/demo-data");
const secret_hasher_1 = require("../crypto/secret.hasher");
/** Puts the demo data set into the embedded registry and the institution streams; safe to rerun. */
async function seedDemoData(dataSet, registry, institutions, now) {
    await registry.upsert(dataSet.enterprises);
    const at = () => now().toISOString();
    const register = async (institutionId, name, roles) => institutions.handle(institutionId, { type: 'RegisterInstitution', institutionId, name, roles, now: at() });
    for (const provider of dataSet.providers) {
        const name = demo_data_1.DEMO_INSTITUTIONS.providers.find((p) => p.institutionId === provider.institutionId)?.name ?? provider.institutionId;
        await register(provider.institutionId, name, ['PROVIDER']);
        await institutions.handle(provider.institutionId, { type: 'RegisterProviderKey', keyId: provider.keyId, publicKeyPem: provider.publicKeyPem, now: at() });
    }
    const clients = [
        ...dataSet.lenders.map((c) => ({ ...c, roles: ['USER'], names: demo_data_1.DEMO_INSTITUTIONS.lenders })),
        ...dataSet.regulators.map((c) => ({ ...c, roles: ['REGULATOR'], names: demo_data_1.DEMO_INSTITUTIONS.regulators })),
    ];
    for (const client of clients) {
        await register(client.institutionId, client.names.find((n) => n.institutionId === client.institutionId)?.name ?? client.institutionId, client.roles);
        const current = await institutions.clientCredential(client.clientId);
        // scrypt hashes are salted: only set a new secret when the one in demo.json really changed.
        if (current && (await (0, secret_hasher_1.verifySecret)(client.clientSecret, current.secretHash)))
            continue;
        await institutions.registerClient(client.institutionId, client.clientId, await (0, secret_hasher_1.hashSecret)(client.clientSecret), at());
    }
}
//# sourceMappingURL=demo.seeder.js.map