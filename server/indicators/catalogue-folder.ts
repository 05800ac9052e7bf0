/**
 * A catalogue version as a folder and back, byte for byte: readCatalogueFolder takes every
 * definition file of a folder (as readDefinitionFiles lists them: *.json at any depth, schemas and
 * hidden folders left out) with its exact text, refusing a file that is not valid UTF-8 (its bytes
 * could not come back); writeCatalogueFolder writes a version's files in the same layout, plus the
 * repository's schemas (*.schema.json: code, not definitions), so `indicators check DIR` works on
 * the result.
 *
 * @example await writeCatalogueFolder(version.files, 'out/'); (await readCatalogueFolder('out/')).length
 */
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CatalogueFile } from '../domain/catalogue.js';
import { ValidationError } from '../errors.js';
import { readDefinitionFiles } from './read-definition-files.js';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export async function readCatalogueFolder(dir: string): Promise<CatalogueFile[]> {
  const listed = await readDefinitionFiles(dir);
  const problems: { where: string; message: string }[] = [];
  const files: CatalogueFile[] = [];
  for (const { file, absolutePath } of listed) {
    try {
      files.push({ file, text: strictUtf8.decode(await readFile(absolutePath)) });
    } catch {
      problems.push({ where: file, message: 'not valid UTF-8 text' });
    }
  }
  if (problems.length > 0) {
    throw new ValidationError(
      {
        zh: `${problems.length} 个定义文件不是有效的 UTF-8 文本`,
        en: `${problems.length} definition file(s) are not valid UTF-8 text`,
      },
      problems,
    );
  }
  return files;
}

/** The schemas of `schemasDir` (its top-level *.schema.json), copied along so the folder can be checked. */
async function copySchemas(schemasDir: string, outDir: string): Promise<string[]> {
  const names = (await readdir(schemasDir)).filter((name) => name.endsWith('.schema.json')).sort();
  for (const name of names) await copyFile(path.join(schemasDir, name), path.join(outDir, name));
  return names;
}

/**
 * Writes `files` under `outDir` (created; it must be empty or absent, so no stray definition joins
 * them) and copies the schemas of `schemasDir`; returns the schema names copied.
 */
export async function writeCatalogueFolder(
  files: readonly CatalogueFile[],
  outDir: string,
  schemasDir: string,
): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const present = (await readdir(outDir)).filter((name) => !name.startsWith('.'));
  if (present.length > 0) {
    throw new ValidationError(
      { zh: `输出目录 ${outDir} 不是空的`, en: `the output folder ${outDir} is not empty` },
      [
        {
          where: outDir,
          message: `holds ${present.slice(0, 5).join(', ')}${present.length > 5 ? ', …' : ''}`,
        },
      ],
    );
  }
  for (const { file, text } of files) {
    const target = path.join(outDir, ...file.split('/'));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, text, 'utf8');
  }
  return copySchemas(schemasDir, outDir);
}
