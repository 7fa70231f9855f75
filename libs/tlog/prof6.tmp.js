const { checkEntry, CompactRange, parseCheckpoint, verifyCheckpoint, replayAuditLog } = require('/work/wt/tlog/libs/tlog/dist');
const { ConsistencyWindow } = require('/work/wt/tlog/libs/tlog/dist/verifier/consistency-window');
const { SeqTracker } = require('/work/wt/tlog/libs/tlog/dist/verifier/seq-tracker');
const { sampleLog } = require('/work/wt/tlog/bench/dist/tlog/sample-log');
const s = sampleLog(100000, 1000);
const n = s.entries.length;
const cpu = (name, f) => { f(); const c = process.cpuUsage(); f(); const d = process.cpuUsage(c); console.log(name.padEnd(28), ((d.user + d.system) / n).toFixed(2), 'us cpu/entry'); };
const checked = s.entries.map(checkEntry);
cpu('checkEntry', () => { for (const e of s.entries) checkEntry(e); });
cpu('tree.append', () => { const t = CompactRange.empty(); for (const c of checked) t.append(c.leaf); });
cpu('tree.append+observe', () => { const t = CompactRange.empty(); const w = new ConsistencyWindow(); for (const c of checked) w.observe(t.append(c.leaf)); });
cpu('seq judge', () => { const st = new SeqTracker(() => {}); for (let i = 0; i < n; i++) st.judge(i, i, i + 1); });
cpu('checkpoint verify (per entry)', () => { for (const b of s.checkpoints) { const p = parseCheckpoint(b); verifyCheckpoint(p.checkpoint, s.trustedKeys); } });
(async () => {
  for (let i = 0; i < 2; i++) { const c = process.cpuUsage(); await replayAuditLog({ entries: s.entries, checkpoints: s.checkpoints, trustedKeys: s.trustedKeys }); const d = process.cpuUsage(c); console.log('replay'.padEnd(28), ((d.user + d.system) / n).toFixed(2)); }
  for (let i = 0; i < 2; i++) { const c = process.cpuUsage(); await replayAuditLog({ entries: s.entries, checkpoints: [], trustedKeys: s.trustedKeys }); const d = process.cpuUsage(c); console.log('replay no checkpoints'.padEnd(28), ((d.user + d.system) / n).toFixed(2)); }
})();
