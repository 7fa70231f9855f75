"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEMO_SEED = void 0;
exports.generateDemoEnterprises = generateDemoEnterprises;
exports.buildDemoDataSet = buildDemoDataSet;
exports.demoClientId = demoClientId;
const contracts_1 = require("@cfc/contracts");
const resident_id_1 = require("../identifiers/resident-id");
const demo_names_1 = require("./demo-names");
const demo_data_1 = require("./demo-data");
const org_code_1 = require("./org-code");
const seeded_random_1 = require("./seeded-random");
exports.DEMO_SEED = 20261124;
/** The deterministic enterprises of the demo registry: same seed, same data, on every machine. */
function generateDemoEnterprises(seed = exports.DEMO_SEED) {
    const random = (0, seeded_random_1.seededRandom)(seed);
    return demo_names_1.DEMO_ENTERPRISES.map((template, index) => {
        const body = random.digits(8);
        const first17 = `91${template.region}${body}${(0, org_code_1.orgCodeCheckCharacter)(body)}`;
        const birth = `${random.int(1962, 1992)}${pad(random.int(1, 12))}${pad(random.int(1, 28))}`;
        const id17 = `${template.region}${birth}${random.digits(3)}`;
        return {
            uscc: first17 + (0, contracts_1.usccCheckCharacter)(first17),
            name: template.name,
            legalRepName: random.pick(demo_names_1.SURNAMES) + random.pick(demo_names_1.GIVEN_NAMES),
            legalRepIdNumber: id17 + (0, resident_id_1.residentIdCheckCharacter)(id17),
            mobile: random.pick(demo_names_1.MOBILE_PREFIXES) + random.digits(8),
            accounts: demoAccounts(random, index),
        };
    });
}
/** The whole `.data/demo.json` document, given where the stack listens and the first-start secrets. */
function buildDemoDataSet(input) {
    const client = (institutionId) => ({
        institutionId,
        clientId: demoClientId(institutionId),
        clientSecret: required(input.secrets.clientSecrets[institutionId], `client secret of ${institutionId}`),
    });
    return {
        gateway: input.gateway,
        kafka: input.kafka,
        enterprises: generateDemoEnterprises(input.seed),
        providers: demo_data_1.DEMO_INSTITUTIONS.providers.map(({ institutionId }) => ({
            institutionId,
            ...required(input.secrets.providerKeys[institutionId], `key pair of ${institutionId}`),
        })),
        lenders: demo_data_1.DEMO_INSTITUTIONS.lenders.map(({ institutionId }) => client(institutionId)),
        regulators: demo_data_1.DEMO_INSTITUTIONS.regulators.map(({ institutionId }) => client(institutionId)),
    };
}
/** OAuth2 client id of a demo institution. */
function demoClientId(institutionId) {
    return `${institutionId.toLowerCase()}-demo`;
}
// Every enterprise has a basic account at the bank and a payment account; every other one a general account too.
function demoAccounts(random, index) {
    const accounts = [{ provider: 'B0001', number: `6222${random.digits(15)}`, type: 'BASIC' }];
    if (index % 2 === 0)
        accounts.push({ provider: 'B0001', number: `6222${random.digits(15)}`, type: 'GENERAL' });
    accounts.push({ provider: 'P0001', number: `8801${random.digits(12)}`, type: 'PAYMENT' });
    return accounts;
}
function pad(n) {
    return String(n).padStart(2, '0');
}
function required(value, what) {
    if (value === undefined)
        throw new Error(`demo data set: missing ${what}`);
    return value;
}
//# sourceMappingURL=demo-data.generator.js.map