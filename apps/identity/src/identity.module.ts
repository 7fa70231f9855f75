import { Module } from '@nestjs/common';
import { IdentityFeatureModule } from './identity-feature.module';

/** The identity service's own controllers, consumers and use cases are registered here. */
@Module({ imports: [IdentityFeatureModule], controllers: [], providers: [] })
export class IdentityModule {}
