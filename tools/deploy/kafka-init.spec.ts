import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { kafkaInitScript } from './kafka-init.script';

const path = join(__dirname, '..', '..', 'deploy', 'kafka', 'kafka-init.sh');

describe('deploy/kafka/kafka-init.sh', () => {
  it('is what the permissions table generates (CFC_UPDATE_GENERATED=1 rewrites it)', () => {
    if (process.env.CFC_UPDATE_GENERATED === '1') {
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, kafkaInitScript(), { mode: 0o755 });
    }
    expect(readFileSync(path, 'utf8')).toBe(kafkaInitScript());
  });

  it('is valid bash that adds each rule of the table with kafka-acls.sh and creates the platform topics', () => {
    execFileSync('bash', ['-n', path]);
    const script = readFileSync(path, 'utf8');
    expect(script).toContain('acls --add --allow-principal "User:cfc-identity" --operation Write --operation Create --topic "cfc.identity.events.v1" --resource-pattern-type literal');
    expect(script).toContain('acls --add --allow-principal "User:$1" --operation Read --topic "cfc.provider.$1.outbound.v1" --resource-pattern-type literal');
    expect(script).toContain('acls --add --allow-principal "User:$1" --operation Read --group "cfc.provider.$1." --resource-pattern-type prefixed');
    expect(script).not.toMatch(/INSTITUTIONID/);
    expect(script).toContain('topic "cfc.provider.inbound.v1" 3');
    expect(script).toContain('topic "cfc.audit.v1" 1');
  });
});
