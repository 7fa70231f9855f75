/**
 * An account number as everyone but its own provider sees it (CONTRACT.md): the first and last four
 * digits, the rest as '*' (6222020200112233445 -> 6222***********3445). Numbers of eight digits or
 * fewer keep only their last four.
 */
export function maskAccountNumber(number: string): string {
  if (number.length <= 8) return '*'.repeat(Math.max(0, number.length - 4)) + number.slice(-4);
  return number.slice(0, 4) + '*'.repeat(number.length - 8) + number.slice(-4);
}
