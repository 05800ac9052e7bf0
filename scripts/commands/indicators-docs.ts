/** `indicators docs [--out FILE]`: the bilingual Markdown catalogue, to stdout or a file. */
import type { Command } from 'commander';
import { catalogueMarkdown } from '../../server/indicators/docs/catalogue-markdown.js';
import { definitionsDir, registryOrExit, writeOutput } from './indicators-io.js';

export function registerIndicatorsDocs(indicators: Command): void {
  indicators
    .command('docs')
    .description('write the bilingual Markdown catalogue of frameworks, dimensions and indicators')
    .option('--out <file>', 'write to this file instead of stdout')
    .option('--dir <dir>', 'the definitions folder (default: indicators/)')
    .action(async (options: { out?: string; dir?: string }) => {
      const registry = await registryOrExit(definitionsDir(options.dir));
      await writeOutput(options.out, `${catalogueMarkdown(registry)}\n`);
    });
}
