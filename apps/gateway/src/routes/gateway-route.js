"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=gateway-route.js.map