const { replayAuditLog } = require('/work/wt/tlog/libs/tlog/dist');
const { sampleLog } = require('/work/wt/tlog/bench/dist/tlog/sample-log');
(async () => {
  const size = 100000;
  const s = sampleLog(size, 1000);
  const t = performance.now();
  await replayAuditLog({ entries: s.entries, checkpoints: s.checkpoints, trustedKeys: s.trustedKeys, workers: 0 });
  console.log('replay', Math.round(size / (performance.now() - t) * 1000));
})();
