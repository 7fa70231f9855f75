const { replayAuditLog, checkEntry, CompactRange } = require('/work/wt/tlog/libs/tlog/dist');
const { sampleLog } = require('/work/wt/tlog/bench/dist/tlog/sample-log');
(async () => {
  const size = 100000;
  const s = sampleLog(size, 1000);
  const now = () => performance.now();
  let t = now();
  for (const e of s.entries) checkEntry(e);
  console.log('checkEntry only', Math.round(size / (now() - t) * 1000));
  t = now();
  const tree = CompactRange.empty();
  const checked = s.entries.map(checkEntry);
  t = now();
  for (const c of checked) tree.append(c.leaf);
  console.log('append only', Math.round(size / (now() - t) * 1000));
  for (const w of [0, 2]) {
    t = now();
    await replayAuditLog({ entries: s.entries, checkpoints: s.checkpoints, trustedKeys: s.trustedKeys, workers: w });
    console.log('replay sync array workers', w, Math.round(size / (now() - t) * 1000));
  }
})();
