"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEMO_INSTITUTIONS = void 0;
/** Institutions of the demo registry, with the names people see. */
exports.DEMO_INSTITUTIONS = {
    providers: [
        { institutionId: 'B0001', name: '示范商业银行' },
        { institutionId: 'P0001', name: '示范支付科技有限公司' },
    ],
    lenders: [
        { institutionId: 'L0001', name: '示范小额贷款有限公司' },
        { institutionId: 'L0002', name: '示范村镇银行' },
    ],
    regulators: [{ institutionId: 'R0001', name: '示范金融监管局' }],
};
//# sourceMappingURL=demo-data.js.map