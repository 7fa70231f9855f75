import { type ArgumentsHost, Catch, type INestApplication, Injectable, type InjectionToken, type OnApplicationBootstrap, type RpcExceptionFilter } from '@nestjs/common';
import type { CustomTransportStrategy } from '@nestjs/microservices';
import { type Observable, throwError } from 'rxjs';

/**
 * Hands a consumer handler's error to its transport unchanged. Nest's default RPC filter replaces every
 * error but an RpcException with { status: 'error', message: 'Internal server error' }
 * (base-rpc-exception-filter.js), which would lose a PoisonMessageError's reason and retry a message
 * that must be dead-lettered at once.
 */
@Catch()
export class PassErrorsToTransport implements RpcExceptionFilter {
  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    return throwError(() => exception);
  }
}

/** Starts the connected transports when the application boots (init or listen), after every provider exists. */
@Injectable()
export class TransportsStarter implements OnApplicationBootstrap {
  private start?: () => Promise<unknown>;

  attach(start: () => Promise<unknown>): void {
    this.start = start;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.start?.();
  }
}

// NestMicroservice's own flag: its init hooks already ran with the application's (one shared container).
type DeferredMicroservice = { useGlobalFilters(...filters: RpcExceptionFilter[]): unknown; setIsInitHookCalled?(called: boolean): void };

/**
 * Connects each strategy (DI token of a CustomTransportStrategy provider, e.g. eventing's ConsumerTransport)
 * as a Nest microservice of `app`, with only PassErrorsToTransport as global filter (none of the HTTP
 * app's filters, pipes or guards), and starts them all when the app boots. app.close() stops them.
 */
export function connectTransports(app: INestApplication, tokens: readonly InjectionToken[]): void {
  if (tokens.length === 0) return;
  for (const token of tokens) {
    const strategy = app.get<CustomTransportStrategy>(token, { strict: false });
    // Deferred, so the filter is in place before the handlers are registered (at listen).
    const microservice = app.connectMicroservice({ strategy }, { inheritAppConfig: false, deferInitialization: true }) as unknown as DeferredMicroservice;
    microservice.useGlobalFilters(new PassErrorsToTransport());
    microservice.setIsInitHookCalled?.(true);
  }
  app.get(TransportsStarter).attach(() => app.startAllMicroservices());
}
