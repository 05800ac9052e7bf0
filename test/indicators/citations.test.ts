/**
 * The catalogue cites what a reader can look up: no definition (indicator, dimension or framework)
 * names the project's own working files — the seed texts (`seeds/000`) or the brief (`DOMAIN.md`) —
 * in its sources, rationale, goalpost justifications or descriptions.
 */
import { expect } from 'chai';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { checkFolder } from '../../server/indicators/load-registry.js';
import { indicatorsDir } from '../../server/paths.js';

const INTERNAL = /seeds\/\d|DOMAIN\.md|种子文献|\bthe seeds\b/i;

/** Every string in a JSON value, with the JSON pointer where it sits. */
function strings(value: unknown, pointer = ''): [string, string][] {
  if (typeof value === 'string') return [[pointer, value]];
  if (Array.isArray(value)) return value.flatMap((item, i) => strings(item, `${pointer}/${i}`));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([key, item]) => strings(item, `${pointer}/${key}`));
  return [];
}

/** `file#/pointer: text` for every string of the definitions that names an internal file. */
async function internalCitations(dir: string): Promise<string[]> {
  const files = (await readdir(dir, { recursive: true }))
    .filter((file) => file.endsWith('.json') && !file.endsWith('.schema.json'))
    .sort();
  expect(files.length).to.be.above(30);
  const found: string[] = [];
  for (const file of files) {
    const json: unknown = JSON.parse(await readFile(path.join(dir, file), 'utf8'));
    for (const [pointer, text] of strings(json)) {
      if (INTERNAL.test(text)) found.push(`${file}#${pointer}: ${text.slice(0, 80)}`);
    }
  }
  return found;
}

describe('citations in the catalogue', () => {
  it('recognises a citation of an internal file, in either language', () => {
    expect(
      ['（seeds/000）', "(DOMAIN.md's target)", '理由：种子文献把', 'the seeds put'].map((t) =>
        INTERNAL.test(t),
      ),
    ).to.deep.equal([true, true, true, true]);
    expect(INTERNAL.test('（吕德文，2020）')).to.equal(false);
  });

  it('names no seed text or DOMAIN.md in any definition', async () => {
    expect(await internalCitations(indicatorsDir)).to.deep.equal([]);
  });

  it('cites no internal file in the sources the registry loads', async () => {
    const { indicators } = await checkFolder(indicatorsDir);
    const internal = [...indicators.values()].flatMap((indicator) =>
      indicator.definition.source
        .filter((source) => INTERNAL.test(source.ref))
        .map((source) => `${indicator.file}: ${source.ref}`),
    );
    expect(indicators.size).to.be.above(30);
    expect(internal).to.deep.equal([]);
  });
});
