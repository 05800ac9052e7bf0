/**
 * `indicators list [--json]`: the indicators (by dimension), dimensions and frameworks of the
 * catalogue, with versions and content hashes.
 */
import type { Command } from 'commander';
import type { Registry } from '../../server/indicators/registry-types.js';
import { definitionsDir, registryOrExit } from './indicators-io.js';

function listing(registry: Registry) {
  return {
    indicators: [...registry.indicators.values()].map(({ definition: d, file, hash }) => ({
      id: d.id,
      version: d.version,
      dimension: d.dimension,
      direction: d.direction,
      unit: d.unit,
      name: d.name,
      file,
      hash,
    })),
    dimensions: [...registry.dimensions.values()].map(({ definition: d, file, hash }) => ({
      id: d.id,
      parent: d.parent ?? null,
      weight: d.weight,
      name: d.name,
      file,
      hash,
    })),
    frameworks: [...registry.frameworks.values()].map(({ definition: d, file, hash }) => ({
      id: d.id,
      version: d.version,
      name: d.name,
      indicators: d.indicators.length,
      file,
      hash,
    })),
  };
}

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** Columns on a terminal: Chinese characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += WIDE.test(char) ? 2 : 1;
  return width;
}

function table(rows: readonly (readonly string[])[]): string {
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => displayWidth(row[column] ?? '')))) ?? [];
  const pad = (text: string, column: number): string =>
    text + ' '.repeat((widths[column] ?? 0) - displayWidth(text));
  return rows.map((row) => row.map(pad).join('  ').trimEnd()).join('\n');
}

export function registerIndicatorsList(indicators: Command): void {
  indicators
    .command('list')
    .description('list indicators, dimensions and frameworks with versions and hashes')
    .option('--json', 'print JSON')
    .option('--dir <dir>', 'the definitions folder (default: indicators/)')
    .action(async (options: { json?: boolean; dir?: string }) => {
      const registry = await registryOrExit(definitionsDir(options.dir));
      const list = listing(registry);
      if (options.json === true) {
        console.log(JSON.stringify(list, null, 2));
        return;
      }
      const indicatorRows = list.indicators.map((i) => [
        i.id,
        i.dimension,
        i.version,
        i.direction === 'higher' ? '↑' : '↓',
        i.unit.zh,
        `${i.name.zh} / ${i.name.en}`,
      ]);
      console.log(table([['indicator', 'dimension', 'version', 'dir', 'unit', 'name'], ...indicatorRows]));
      console.log('');
      console.log(
        table([
          ['dimension', 'parent', 'weight', 'name'],
          ...list.dimensions.map((d) => [
            d.id,
            d.parent ?? '—',
            String(d.weight),
            `${d.name.zh} / ${d.name.en}`,
          ]),
        ]),
      );
      console.log('');
      console.log(
        table([
          ['framework', 'version', 'indicators', 'hash'],
          ...list.frameworks.map((f) => [f.id, f.version, String(f.indicators), f.hash]),
        ]),
      );
    });
}
