import { randomUUID } from 'node:crypto';
import type { ObjectionCreatedDto, RaiseObjectionDto } from '@cfc/api';
import type { SqlDatabase } from '@cfc/eventing';
import { ProblemException } from '@cfc/platform';
import type { BindingDirectory } from '../ports/binding-directory';
import type { StatisticsStore } from '../statistics/statistics.store';
import type { ObjectionCommands } from './objection.commands';
import type { ObjectionsQueries } from './objections.queries';

/**
 * The enterprise objects to one month of one of its ACTIVE bindings (异议). Refused, with nothing stored: a
 * binding not its own (404, as an unknown one), not active, a month without statistics, a month already disputed.
 */
export class RaiseObjectionService {
  constructor(
    private readonly db: SqlDatabase,
    private readonly bindings: BindingDirectory,
    private readonly store: StatisticsStore,
    private readonly commands: ObjectionCommands,
    private readonly queries: ObjectionsQueries,
  ) {}

  async raise(subject: string, request: RaiseObjectionDto): Promise<ObjectionCreatedDto> {
    const binding = await this.bindings.find(request.bindingId);
    if (!binding || binding.subject !== subject) throw new ProblemException(404, 'BINDING_NOT_FOUND', 'Not Found', 'no such binding');
    if (binding.status !== 'ACTIVE') throw new ProblemException(409, 'BINDING_NOT_ACTIVE', 'Conflict', `binding ${binding.bindingId} is ${binding.status}: objections are raised on active bindings`);
    const disputedRevision = await this.store.currentRevision(this.db, binding.bindingId, request.period);
    if (disputedRevision === undefined) throw new ProblemException(409, 'NO_STATISTICS_FOR_MONTH', 'Conflict', `no statistics were supplied for ${request.period} of this account`);
    const open = await this.queries.openOf(binding.bindingId, request.period);
    if (open) throw alreadyOpen(open);
    const objectionId = randomUUID();
    try {
      const [raised] = await this.commands.run(
        objectionId,
        { type: 'RaiseObjection', objectionId, binding, period: request.period, fields: request.fields ?? [], reason: request.reason, disputedRevision },
        { actor: { kind: 'enterprise', id: subject }, subject, correlationId: objectionId },
      );
      return { id: objectionId, status: 'SUBMITTED', dueBy: (raised.data as { dueBy: string }).dueBy };
    } catch (error) {
      // A concurrent objection on the same month committed first (the read model's partial unique index).
      const e = error as { code?: string; constraint?: string };
      if (e.code === '23505' && e.constraint === 'objections_open') throw alreadyOpen((await this.queries.openOf(binding.bindingId, request.period)) ?? 'unknown');
      throw error;
    }
  }
}

const alreadyOpen = (objectionId: string) => new ProblemException(409, 'OBJECTION_ALREADY_OPEN', 'Conflict', 'an objection on this month of this account is still open', { objectionId });
