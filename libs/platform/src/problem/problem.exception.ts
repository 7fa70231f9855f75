import { HttpException } from '@nestjs/common';

/** An RFC 9457 problem a handler can throw: HTTP status, stable machine code, human title/detail. */
export class ProblemException extends HttpException {
  constructor(
    status: number,
    readonly code: string,
    readonly title: string,
    readonly detail?: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super({ code, title, detail, ...extensions }, status);
  }
}
