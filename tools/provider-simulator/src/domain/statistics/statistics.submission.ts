import type { StatisticsRecord, StatisticsSubmitted } from '@cfc/contracts';
import { nameBasedUuid } from '../name-based.uuid';

/**
 * Records as statistics.submitted messages of at most `maxRecords` each. Each message's submissionId is
 * derived from `name` and its position, so the same supply sent again is the same submission.
 */
export function statisticsMessages(input: { provider: string; name: string; records: StatisticsRecord[]; sentAt: string; maxRecords: number }): StatisticsSubmitted[] {
  const { provider, name, records, sentAt, maxRecords } = input;
  if (!Number.isInteger(maxRecords) || maxRecords < 1 || maxRecords > 1000) throw new Error(`records per message must be 1..1000, got ${maxRecords}`);
  const messages: StatisticsSubmitted[] = [];
  for (let first = 0; first < records.length; first += maxRecords) {
    messages.push({
      type: 'statistics.submitted',
      schemaVersion: 1,
      submissionId: nameBasedUuid(`${provider}/${name}/${first}`),
      provider,
      sentAt,
      records: records.slice(first, first + maxRecords),
    });
  }
  return messages;
}
