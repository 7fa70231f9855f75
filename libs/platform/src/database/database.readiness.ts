import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ReadinessRegistry } from '../health/readiness.registry';

/** Registers the service database with /readyz: ready while `SELECT 1` answers. */
@Injectable()
export class DatabaseReadiness implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly readiness: ReadinessRegistry,
  ) {}

  onModuleInit(): void {
    this.readiness.register({ name: 'database', check: async () => void (await this.dataSource.query('SELECT 1')) });
  }
}
