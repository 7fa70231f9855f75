import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { catalogueMarkdown } from './catalogue.markdown';
import { reportSchema } from './report.schema';

// `npm run docs:report`: writes docs/indicators.md and docs/report.schema.json from the code.

/** The repository root, from src/ or dist/ of apps/report alike. */
export const repositoryRoot = resolve(__dirname, '..', '..', '..', '..');
export const schemaText = () => `${JSON.stringify(reportSchema(), null, 2)}\n`;

if (require.main === module) {
  const docs = join(repositoryRoot, 'docs');
  mkdirSync(docs, { recursive: true });
  writeFileSync(join(docs, 'indicators.md'), catalogueMarkdown());
  writeFileSync(join(docs, 'report.schema.json'), schemaText());
  process.stdout.write(`wrote ${join(docs, 'indicators.md')} and ${join(docs, 'report.schema.json')}\n`);
}
