"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Public = exports.ForRegulators = exports.ForLenders = exports.ForEnterprises = exports.Audiences = exports.PUBLIC_KEY = exports.AUDIENCES_KEY = void 0;
const common_1 = require("@nestjs/common");
exports.AUDIENCES_KEY = 'cfc:audiences';
exports.PUBLIC_KEY = 'cfc:public';
/** Only bearer tokens of these audiences may call the route; any other valid token gets 403. */
const Audiences = (...audiences) => (0, common_1.SetMetadata)(exports.AUDIENCES_KEY, audiences);
exports.Audiences = Audiences;
/** Enterprise (data account) routes. */
const ForEnterprises = () => (0, exports.Audiences)('cfc:subject');
exports.ForEnterprises = ForEnterprises;
/** Lender (role USER) routes. */
const ForLenders = () => (0, exports.Audiences)('cfc:lender');
exports.ForLenders = ForLenders;
/** Regulator routes. */
const ForRegulators = () => (0, exports.Audiences)('cfc:regulator');
exports.ForRegulators = ForRegulators;
/** No bearer token needed (login, token endpoint). Every other route requires one. */
const Public = () => (0, common_1.SetMetadata)(exports.PUBLIC_KEY, true);
exports.Public = Public;
//# sourceMappingURL=audiences.decorator.js.map