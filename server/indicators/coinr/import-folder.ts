/**
 * importCoinrFolder(options): reads a COINr iMeta table and its iData table, builds the framework,
 * checks the new files together with every definition already in the target folder (as
 * `indicators check` would), and only then writes them: into `<outDir>/<id>/…` (dimensions and
 * indicators, one folder per aggregate) and `<outDir>/frameworks/<id>.json`. Nothing is written
 * when anything is wrong, and nothing existing is overwritten.
 *
 * @example await importCoinrFolder({ imetaFile: 'asem_iMeta.csv', dataFile: 'asem_iData.csv', id: 'asem2', outDir: 'tmp', methods })
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ValidationError } from '../../errors.js';
import { DEFAULT_CHOICES } from '../../engine/choices.js';
import { checkDefinitions } from '../check-definitions.js';
import { formatProblem } from '../problem.js';
import { readDefinitionFiles } from '../read-definition-files.js';
import { parseIData } from './idata.js';
import { parseIMeta } from './imeta.js';
import { importCoinr, type CoinrImport } from './imeta-definitions.js';

/** The methods of an import that names none: DESIGN.md's defaults (COINr's own defaults for Treat, Normalise and Aggregate). */
export const DEFAULT_IMPORT_METHODS: Readonly<Record<string, unknown>> = {
  ...DEFAULT_CHOICES,
  rollup: { method: 'population_weighted' },
};

export interface ImportFolderOptions {
  readonly imetaFile: string;
  readonly dataFile: string;
  readonly id: string;
  readonly outDir: string;
  readonly methods?: Readonly<Record<string, unknown>>;
}

const ID_PATTERN = /^[A-Za-z][A-Za-z0-9_]*$/;

/** COINr ships its tables in pairs: X_iMeta.csv beside X_iData.csv. */
export function pairedDataFile(imetaFile: string): string | undefined {
  const base = path.basename(imetaFile);
  if (!base.includes('iMeta')) return undefined;
  const candidate = path.join(path.dirname(imetaFile), base.replace('iMeta', 'iData'));
  return existsSync(candidate) ? candidate : undefined;
}

export async function importCoinrFolder(options: ImportFolderOptions): Promise<CoinrImport> {
  const { id, outDir } = options;
  if (!ID_PATTERN.test(id)) {
    throw new ValidationError({
      zh: `--id 应为标识（字母开头，只含字母、数字、下划线），实际为“${id}”`,
      en: `--id must be an id (a letter, then letters, digits or _), found "${id}"`,
    });
  }
  const source = path.basename(options.imetaFile);
  const meta = parseIMeta(await readFile(options.imetaFile, 'utf8'), source);
  const data = parseIData(await readFile(options.dataFile, 'utf8'));
  const imported = importCoinr(meta, {
    id,
    data,
    source,
    methods: options.methods ?? DEFAULT_IMPORT_METHODS,
  });
  const taken = [path.join(outDir, id), path.join(outDir, 'frameworks', `${id}.json`)].filter((p) =>
    existsSync(p),
  );
  if (taken.length > 0) {
    throw new ValidationError({
      zh: `${taken.join('、')} 已存在：换一个 --id 或 --out，不会覆盖已有的定义`,
      en: `${taken.join(' and ')} already exist: choose another --id or --out (existing definitions are never overwritten)`,
    });
  }
  const existing = existsSync(outDir) ? await readDefinitionFiles(outDir) : [];
  const checked = checkDefinitions([...existing, ...imported.files], outDir);
  if (checked.registry === undefined) {
    throw new ValidationError(
      {
        zh: `导入后的定义未通过检查（${checked.problems.length} 处）：代码可能与 ${outDir} 中已有的定义重复，可改用 --out`,
        en: `the imported definitions do not pass the check (${checked.problems.length} problem(s)); codes may clash with those already in ${outDir}: use --out`,
      },
      checked.problems.map((problem) => ({ message: formatProblem(problem) })),
    );
  }
  for (const file of imported.files) {
    const target = path.join(outDir, ...file.file.split('/'));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.text);
  }
  return imported;
}
