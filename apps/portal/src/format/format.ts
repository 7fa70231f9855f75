import { type Language, type MessageKey, translate } from '../i18n/catalogue';

// Amounts, months and times as people in China read them. Amounts are integers in fen (1/100 yuan):
// the yuan and fen parts are split with integer arithmetic, so no float division can drift a digit.
// The words and their order ("元", "2026年10月", "Oct 2026") come from the catalogues.

export const TIME_ZONE = 'Asia/Shanghai';
const LOCALE: Record<Language, string> = { 'zh-CN': 'zh-CN', en: 'en-GB' };

const groupers = new Map<Language, Intl.NumberFormat>();
const grouper = (language: Language) => {
  let f = groupers.get(language);
  if (!f) groupers.set(language, (f = new Intl.NumberFormat(LOCALE[language], { useGrouping: true, maximumFractionDigits: 0 })));
  return f;
};

/** An integer number of fen as yuan with thousands separators and two decimals: 1234567 -> "12,345.67". */
export function yuanFromFen(fen: number | bigint, language: Language): string {
  if (typeof fen === 'number' && !Number.isSafeInteger(fen)) throw new RangeError(`an amount in fen must be a safe integer, got ${fen}`);
  const value = BigInt(fen);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const yuan = grouper(language).format(abs / 100n);
  const cents = String(abs % 100n).padStart(2, '0');
  return `${negative ? '-' : ''}${yuan}.${cents}`;
}

/** The amount with its unit: "12,345.67 元" in Chinese, "CNY 12,345.67" in English. */
export function formatFen(fen: number | bigint, language: Language): string {
  return translate(language, 'format.amount', { value: yuanFromFen(fen, language) });
}

/** An integer count with thousands separators. */
export function formatCount(count: number, language: Language): string {
  return grouper(language).format(count);
}

/** A share 0..1 as a percentage with one decimal: 0.31 -> "31.0%". */
export function formatShare(share: number, language: Language): string {
  return new Intl.NumberFormat(LOCALE[language], { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(share);
}

/** Chart axis labels: compact and approximate ("12万" / "120K"), never used for the exact figures. */
export function compactYuan(fen: number, language: Language): string {
  return new Intl.NumberFormat(LOCALE[language], { notation: 'compact', maximumFractionDigits: 1 }).format(fen / 100);
}

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;
const monthName = (language: Language, month: number) => translate(language, `format.monthName.${month}` as MessageKey);

/** A calendar month YYYY-MM: "2026年10月" in Chinese, "Oct 2026" in English; anything else unchanged. */
export function formatMonth(period: string, language: Language): string {
  const m = PERIOD.exec(period);
  if (!m) return period;
  const month = Number(m[2]);
  return translate(language, 'format.month', { year: m[1], month, monthName: monthName(language, month) });
}

/** Several months in a line: "2026年8月、2026年9月" in Chinese, "Aug 2026, Sep 2026" in English. */
export function formatMonths(periods: readonly string[], language: Language): string {
  return periods.map((p) => formatMonth(p, language)).join(translate(language, 'format.months.separator'));
}

type Parts = Record<'year' | 'month' | 'day' | 'hour' | 'minute', string>;
// Only the numbers come from Intl (in Beijing time); their order and words come from the catalogue.
const partsFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function shanghaiParts(iso: string, language: Language): (Parts & { monthName: string }) | undefined {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return undefined;
  const parts = Object.fromEntries(partsFormat.formatToParts(at).map((p) => [p.type, p.value])) as Parts;
  return { ...parts, monthName: monthName(language, Number(parts.month)) };
}

/** An RFC 3339 instant in Beijing time: "2026年11月1日 10:05" / "1 Nov 2026, 10:05". */
export function formatTime(iso: string, language: Language): string {
  const p = shanghaiParts(iso, language);
  return p ? translate(language, 'format.time', p) : iso;
}

/** The calendar day of an instant in Beijing time: "2026年11月21日" / "21 Nov 2026". */
export function formatDate(iso: string, language: Language): string {
  const p = shanghaiParts(iso, language);
  return p ? translate(language, 'format.date', p) : iso;
}
