"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SMS_SENDER = void 0;
/** DI token of the SmsSender adapter. */
exports.SMS_SENDER = Symbol('SMS_SENDER');
//# sourceMappingURL=sms.port.js.map