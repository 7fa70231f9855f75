import type { BrokerLog } from './broker.context';

/** Default sink: one JSON object per line on stderr, so stdout stays free for whoever embeds the broker. */
export const jsonLinesLog: BrokerLog = (level, msg, fields) => {
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level, component: 'kafka-broker', msg, ...fields })}\n`);
};
