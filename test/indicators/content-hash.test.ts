import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { canonicalJson, contentHash } from '../../server/indicators/content-hash.js';
import { loadRegistry } from '../../server/indicators/load-registry.js';
import { goodDir } from './fixture-paths.js';
import { copyFolder, type TempFolder } from './temp-folder.js';

function sha256(text: string): string {
  return `sha256:${createHash('sha256').update(text).digest('hex')}`;
}

/** The same object with its keys in reverse order at every level. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, child]) => [key, reversedKeys(child)]),
  );
}

describe('content hashes', () => {
  it('hash canonical JSON: keys sorted at every level, arrays in order, no spaces', () => {
    expect(canonicalJson({ b: [2, { d: 1, c: 'x' }], a: null })).to.equal(
      '{"a":null,"b":[2,{"c":"x","d":1}]}',
    );
    expect(contentHash({ b: 1, a: [3, 2] })).to.equal(sha256('{"a":[3,2],"b":1}'));
  });

  describe('of loaded definitions', () => {
    let folder: TempFolder;
    const file = 'service/reach/grid_coverage.json';

    beforeEach(async () => {
      folder = await copyFolder(goodDir);
    });

    afterEach(async () => {
      await folder.remove();
    });

    it('stay the same when a file is reformatted and its keys reordered', async () => {
      const before = await loadRegistry(folder.dir);
      const original = await folder.readJson(file);
      await writeFile(path.join(folder.dir, file), JSON.stringify(reversedKeys(original)));
      const after = await loadRegistry(folder.dir);
      expect(after.indicators.get('grid_coverage')?.hash).to.equal(
        before.indicators.get('grid_coverage')?.hash,
      );
      expect(after.frameworks.get('small')?.hash).to.equal(before.frameworks.get('small')?.hash);
    });

    it('change with any change of content, and so does the hash of a framework using it', async () => {
      const before = await loadRegistry(folder.dir);
      const text = await readFile(path.join(folder.dir, file), 'utf8');
      await writeFile(
        path.join(folder.dir, file),
        text.replace('"half the households"', '"half of the households"'),
      );
      const after = await loadRegistry(folder.dir);
      expect(after.indicators.get('grid_coverage')?.hash).not.to.equal(
        before.indicators.get('grid_coverage')?.hash,
      );
      expect(after.frameworks.get('small')?.hash).not.to.equal(before.frameworks.get('small')?.hash);
      expect(after.indicators.get('resolution_rate')?.hash).to.equal(
        before.indicators.get('resolution_rate')?.hash,
      );
    });

    it('of a framework change when one of its dimensions changes', async () => {
      const before = await loadRegistry(folder.dir);
      const dimension = await folder.readJson('voice/dimension.json');
      await folder.writeJson('voice/dimension.json', { ...dimension, weight: 0.5 });
      const after = await loadRegistry(folder.dir);
      expect(after.frameworks.get('small')?.hash).not.to.equal(before.frameworks.get('small')?.hash);
    });

    it('of a framework stay the same when a definition it does not use changes', async () => {
      const before = await loadRegistry(folder.dir);
      const framework = await folder.readJson('frameworks/small.json');
      const indicators = (framework.indicators as { id: string }[]).filter(
        ({ id }) => id !== 'response_days',
      );
      await folder.writeJson('frameworks/small.json', { ...framework, indicators });
      const withoutDays = await loadRegistry(folder.dir);
      const days = await folder.readJson('voice/response_days.json');
      await folder.writeJson('voice/response_days.json', { ...days, weight: 3 });
      const after = await loadRegistry(folder.dir);
      expect(withoutDays.frameworks.get('small')?.hash).not.to.equal(before.frameworks.get('small')?.hash);
      expect(after.frameworks.get('small')?.hash).to.equal(withoutDays.frameworks.get('small')?.hash);
    });
  });
});
