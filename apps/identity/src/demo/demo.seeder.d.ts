import type { DemoDataSet } from '../domain/demo/demo-data';
import type { EmbeddedEnterpriseRegistry } from '../registry/embedded.enterprise-registry';
import type { InstitutionService } from '../institutions/institution.service';
/** Puts the demo data set into the embedded registry and the institution streams; safe to rerun. */
export declare function seedDemoData(dataSet: DemoDataSet, registry: EmbeddedEnterpriseRegistry, institutions: InstitutionService, now: () => Date): Promise<void>;
