const { replayAuditLog } = require('/work/wt/tlog/libs/tlog/dist');
const { sampleLog } = require('/work/wt/tlog/bench/dist/tlog/sample-log');
(async () => {
  const s = sampleLog(100000, 1000);
  for (let i = 0; i < 3; i++) await replayAuditLog({ entries: s.entries, checkpoints: s.checkpoints, trustedKeys: s.trustedKeys });
})();
