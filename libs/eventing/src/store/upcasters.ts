/** Turns the data of `type` at `fromVersion` into the shape of fromVersion + 1; pure, tested on its own. */
export interface Upcaster {
  type: string;
  fromVersion: number;
  upcast(data: Record<string, unknown>): Record<string, unknown>;
}

/** The chain of upcasters of a service; old rows stay as written and are lifted on every read. */
export class Upcasters {
  private readonly byKey = new Map<string, Upcaster>();

  constructor(upcasters: readonly Upcaster[] = []) {
    for (const u of upcasters) {
      const key = `${u.type}@${u.fromVersion}`;
      if (this.byKey.has(key)) throw new Error(`two upcasters for ${key}`);
      this.byKey.set(key, u);
    }
  }

  /** The version new events of this type are written at: one past the last upcaster, else 1. */
  currentVersion(type: string): number {
    let version = 1;
    while (this.byKey.has(`${type}@${version}`)) version++;
    return version;
  }

  /** Applies every upcaster from the stored version up to the current one. */
  upcast(type: string, schemaVersion: number, data: Record<string, unknown>): { schemaVersion: number; data: Record<string, unknown> } {
    let version = schemaVersion;
    let current = data;
    for (let u = this.byKey.get(`${type}@${version}`); u; u = this.byKey.get(`${type}@${version}`)) {
      current = u.upcast(current);
      version++;
    }
    return { schemaVersion: version, data: current };
  }
}
