const { checkEntry, readCanonicalJson, leafHash } = require('/work/wt/tlog/libs/tlog/dist');
const { scanCanonical } = require('/work/wt/tlog/libs/tlog/dist/jcs/canonical-scan');
const { sampleLog } = require('/work/wt/tlog/bench/dist/tlog/sample-log');
const { isUtf8 } = require('node:buffer');
const { hash } = require('node:crypto');
const s = sampleLog(50000, 1000);
const cpu = (name, f) => { f(); const c = process.cpuUsage(); f(); const d = process.cpuUsage(c); const us = d.user + d.system; console.log(name.padEnd(20), (us / s.entries.length).toFixed(2), 'us cpu/entry'); };
for (let r = 0; r < 2; r++) {
cpu('sha256 raw', () => { for (const e of s.entries) hash('sha256', e, 'buffer'); });
cpu('isUtf8', () => { for (const e of s.entries) isUtf8(e); });
cpu('scan', () => { for (const e of s.entries) scanCanonical(e); });
cpu('readCanonicalJson', () => { for (const e of s.entries) readCanonicalJson(e); });
cpu('leafHash', () => { for (const e of s.entries) leafHash(e); });
cpu('checkEntry', () => { for (const e of s.entries) checkEntry(e); });
}
