import { monitorEventLoopDelay } from 'node:perf_hooks';

/** Process figures an operator graphs first: memory, heap, uptime, event-loop delay. */
export function processMetrics(service: string): () => string {
  const delay = monitorEventLoopDelay({ resolution: 20 });
  delay.enable();
  return () => {
    const memory = process.memoryUsage();
    const gauge = (name: string, help: string, value: number) => [`# HELP ${name} ${help}`, `# TYPE ${name} gauge`, `${name} ${value}`];
    return [
      '# HELP cfc_service_info The service this process runs.',
      '# TYPE cfc_service_info gauge',
      `cfc_service_info{service="${service}",node="${process.version}"} 1`,
      ...gauge('process_resident_memory_bytes', 'Resident memory size in bytes.', memory.rss),
      ...gauge('nodejs_heap_used_bytes', 'V8 heap in use, in bytes.', memory.heapUsed),
      ...gauge('process_uptime_seconds', 'Seconds since the process started.', Math.round(process.uptime())),
      ...gauge('nodejs_eventloop_delay_p99_seconds', 'Event-loop delay, 99th percentile since start.', delay.percentile(99) / 1e9),
    ].join('\n');
  };
}
