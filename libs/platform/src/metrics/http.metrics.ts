import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The wildcard the platform's middleware is mounted on (platform.module.ts); Express reports it as the route when nothing matched. */
export const ALL_ROUTES = '{*path}';

interface Totals {
  count: number;
  seconds: number;
}

/** Request counts and time by method, matched route template and status (never by raw URL: bounded labels). */
@Injectable()
export class HttpMetrics {
  private readonly totals = new Map<string, Totals>();

  record(method: string, route: string, status: number, seconds: number): void {
    const key = `method="${method}",route="${escape(route)}",status="${status}"`;
    const totals = this.totals.get(key) ?? { count: 0, seconds: 0 };
    totals.count += 1;
    totals.seconds += seconds;
    this.totals.set(key, totals);
  }

  render(): string {
    const lines = [
      '# HELP http_requests_total HTTP requests answered, by method, route template and status.',
      '# TYPE http_requests_total counter',
      ...[...this.totals].map(([labels, t]) => `http_requests_total{${labels}} ${t.count}`),
      '# HELP http_request_duration_seconds Time spent answering HTTP requests.',
      '# TYPE http_request_duration_seconds summary',
      ...[...this.totals].flatMap(([labels, t]) => [
        `http_request_duration_seconds_sum{${labels}} ${t.seconds.toFixed(6)}`,
        `http_request_duration_seconds_count{${labels}} ${t.count}`,
      ]),
    ];
    return lines.join('\n');
  }
}

function escape(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/** Times every request and records it in HttpMetrics once the response is sent. */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(private readonly metrics: HttpMetrics) {}

  use(req: IncomingMessage, res: ServerResponse, next: () => void): void {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const route = (req as IncomingMessage & { route?: { path?: unknown } }).route?.path;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const matched = typeof route === 'string' && route !== `/${ALL_ROUTES}`;
      this.metrics.record(req.method ?? 'GET', matched ? route : 'unmatched', res.statusCode, seconds);
    });
    next();
  }
}
