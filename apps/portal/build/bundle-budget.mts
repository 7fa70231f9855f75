// A Vite plugin that prints the gzipped size of the JavaScript the browser loads before the first
// render (the entry chunk and everything it imports statically) and fails the build above the budget.
// Lazily loaded chunks (the chart on the report page) are listed but do not count.
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

interface Chunk {
  type: 'chunk';
  fileName: string;
  code: string;
  isEntry: boolean;
  imports: string[];
}

export function initialJavaScriptBudget(budgetBytes: number): Plugin {
  return {
    name: 'cfc-initial-js-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((item): item is typeof item & Chunk => item.type === 'chunk');
      const byName = new Map(chunks.map((c) => [c.fileName, c]));
      const initial = new Set<string>();
      const visit = (chunk: Chunk | undefined) => {
        if (!chunk || initial.has(chunk.fileName)) return;
        initial.add(chunk.fileName);
        for (const name of chunk.imports) visit(byName.get(name));
      };
      for (const chunk of chunks) if (chunk.isEntry) visit(chunk);
      let initialTotal = 0;
      const lines: string[] = [];
      for (const chunk of chunks) {
        const size = gzipSync(chunk.code, { level: 9 }).length;
        const isInitial = initial.has(chunk.fileName);
        if (isInitial) initialTotal += size;
        lines.push(`  ${isInitial ? 'initial' : 'lazy   '} ${chunk.fileName.padEnd(36)} ${kb(Buffer.byteLength(chunk.code)).padStart(10)} ${kb(size).padStart(9)} gzipped`);
      }
      const verdict = `portal: initial JavaScript ${kb(initialTotal)} gzipped (budget ${kb(budgetBytes)})`;
      console.log(`\n${lines.join('\n')}\n${verdict}`);
      if (initialTotal > budgetBytes) this.error(`${verdict}: over budget; load more code lazily`);
    },
  };
}
