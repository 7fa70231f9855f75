// The stable reason codes ingestion answers providers with (CONTRACT.md "Kafka: providers").

/**
 * Why one record of a statistics.submitted was refused: `records[].reason` of submission.rejected. The
 * message's other records are judged on their own (a valid sibling is kept).
 */
export const STATISTICS_RECORD_REJECTIONS = [
  /** Not the contract's record shape (a missing or unknown field, a wrong type, an invalid subject or account). */
  'RECORD_SCHEMA_VIOLATION',
  /** An amount or count (or distinct, largest payment) that is not a non-negative integer. */
  'AMOUNT_INVALID',
  /** Not a real calendar month YYYY-MM (month 01-12, year 1900 or later). */
  'PERIOD_INVALID',
  /** The current month (Asia/Shanghai): statistics are for months that have ended. */
  'PERIOD_NOT_ENDED',
  /** A month after the current one (Asia/Shanghai). */
  'PERIOD_IN_FUTURE',
  /** The counterparties' inflows or outflows (amounts or counts) add up to more than the totals. */
  'COUNTERPARTY_EXCEEDS_TOTAL',
  /** Cash deposits above total inflow, or cash withdrawals above total outflow (amounts or counts). */
  'CASH_EXCEEDS_TOTAL',
  /** Balances out of order: min <= averageDaily <= max and min <= end <= max must hold. */
  'BALANCE_OUT_OF_RANGE',
  /** Features that contradict the figures: more active or zero-balance days than the month has, a largest payment above the total. */
  'FEATURE_INCONSISTENT',
  /** No binding of this account is ACTIVE (with its signed entrustment agreement) for this subject at this provider. */
  'UNBOUND_ACCOUNT',
  /** This revision of the account-month is already stored with other figures: send a higher revision to correct it. */
  'REVISION_CONFLICT',
] as const;

export type StatisticsRecordRejection = (typeof STATISTICS_RECORD_REJECTIONS)[number];

/**
 * Why ingestion refused a whole inbound message: `cfc-error-reason` on cfc.ingestion.dead-letter.v1 (the raw
 * bytes and original headers travel with it) and `reason` of the submission.rejected the provider is told.
 */
export const INBOUND_MESSAGE_REJECTIONS = [
  /** The value is not JSON (UTF-8). */
  'INVALID_JSON',
  /** JSON without a `type` that any CFC service owns. */
  'UNKNOWN_TYPE',
  // The signature check (verifyProviderMessage)
  'MISSING_SIGNATURE_HEADERS',
  'UNKNOWN_KEY',
  'REVOKED_KEY',
  'BAD_SIGNATURE',
  /** Not the contract's message shape. */
  'SCHEMA_VIOLATION',
  /** The body's `provider` is not the signing provider of the cfc-provider header. */
  'PROVIDER_MISMATCH',
  /** This submissionId was already used for a message with other content. */
  'REPLAYED_SUBMISSION',
  /**
   * Some records of a signed, applied message were refused (unbound account, bad figures: the
   * per-record reasons are in submission.rejected and in the detail). Its valid records are stored;
   * the message itself is parked for the regulator, as the contract wants for every refusal.
   */
  'RECORDS_REFUSED',
  // objection.resolved
  /** No objection has this id. */
  'UNKNOWN_OBJECTION',
  /** The objection concerns an account at another provider. */
  'OBJECTION_OF_ANOTHER_PROVIDER',
  /** The objection was already answered the other way (the same answer again changes nothing and is not refused). */
  'OBJECTION_NOT_OPEN',
  /** CORRECTED, but the named revision of that account-month was not received before (or with) the answer. */
  'CORRECTION_NOT_RECEIVED',
  /** CORRECTED with a revision no higher than the one the enterprise disputed. */
  'CORRECTION_NOT_HIGHER',
] as const;

export type InboundMessageRejection = (typeof INBOUND_MESSAGE_REJECTIONS)[number];
