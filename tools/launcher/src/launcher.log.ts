/** The launcher's own voice: short lines on stdout, prefixed so they stand out from service logs. */
export function say(message: string): void {
  process.stdout.write(`${paint('cfc', 1)}       | ${new Date().toISOString().slice(11, 19)} ${message}\n`);
}

/** Wraps text in an ANSI style when stdout is a terminal; plain otherwise (CI, files, tests). */
export function paint(text: string, code: number): string {
  return process.stdout.isTTY && !process.env.NO_COLOR ? `\x1b[${code}m${text}\x1b[0m` : text;
}
