"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FileSmsSender = void 0;
const promises_1 = require("node:fs/promises");
const node_path_1 = require("node:path");
/** Embedded SMS: one JSON line `{ to, code, challengeId, at }` per code, appended to the outbox file. */
class FileSmsSender {
    path;
    constructor(path) {
        this.path = path;
    }
    async sendLoginCode(message) {
        await (0, promises_1.mkdir)((0, node_path_1.dirname)(this.path), { recursive: true });
        const line = JSON.stringify({ to: message.to, code: message.code, challengeId: message.challengeId, at: message.at });
        await (0, promises_1.appendFile)(this.path, `${line}\n`, { mode: 0o600 });
    }
}
exports.FileSmsSender = FileSmsSender;
//# sourceMappingURL=file.sms-sender.js.map