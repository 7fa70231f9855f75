const { replayAuditLog } = require('/work/wt/tlog/libs/tlog/dist');
const { sampleLog } = require('/work/wt/tlog/bench/dist/tlog/sample-log');
(async () => {
  const size = 100000;
  const s = sampleLog(size, 1000);
  for (const w of [0, 0, 2]) {
    const c = process.cpuUsage(); const t = performance.now();
    const r = await replayAuditLog({ entries: s.entries, checkpoints: s.checkpoints, trustedKeys: s.trustedKeys, workers: w });
    const d = process.cpuUsage(c);
    console.log('workers', w, 'wall', Math.round(size / (performance.now() - t) * 1000), '/s; main-thread cpu', ((d.user + d.system) / size).toFixed(2), 'us/entry', r.ok);
  }
})();
