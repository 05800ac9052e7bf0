import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { METHODS, stageDeclarations, type Stage } from '../../server/engine/method-names.js';
import { indicatorsDir } from '../../server/paths.js';

/** The row of indicators/README.md's method table for one stage. */
async function readmeRow(stage: Stage): Promise<string> {
  const readme = await readFile(path.join(indicatorsDir, 'README.md'), 'utf8');
  const row = readme.split('\n').find((line) => line.startsWith(`| \`${stage}\``));
  if (row === undefined) throw new Error(`indicators/README.md has no row for ${stage}`);
  return row;
}

describe('the method table of indicators/README.md', () => {
  for (const stage of Object.keys(METHODS) as Stage[]) {
    it(`lists every ${stage} method and parameter the methods declare`, async () => {
      const row = await readmeRow(stage);
      for (const declaration of stageDeclarations(stage)) {
        expect(row, declaration.name).to.include(`\`${declaration.name}\``);
        for (const param of Object.keys(declaration.params.properties)) {
          expect(row, `${declaration.name}.${param}`).to.include(`\`${param}\``);
        }
      }
    });
  }
});
