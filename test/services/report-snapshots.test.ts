/**
 * Report snapshots on disk, with the demo city's evaluation: what is kept reads back equal to the
 * sections built from the stored results; a snapshot made by other code is dropped quietly; a
 * damaged, truncated, foreign or unreadable one is reported, removed and never served; keeping new
 * results of an evaluation removes its older snapshot, and discarding a draft removes them all.
 */
import { expect } from 'chai';
import { mkdtemp, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadDemo } from '../../server/demo/load-demo.js';
import { contextSections, type ContextSections } from '../../server/reports/context/context-sections.js';
import { codeFingerprint } from '../../server/services/code-fingerprint.js';
import { ReportSnapshots } from '../../server/services/report-snapshots.js';
import { appDeps } from '../support/app-deps.js';
import { tempEmbeddedStore } from '../support/temp-store.js';

const OTHER_SHA = 'f'.repeat(64);

describe('services: report snapshots on disk', function () {
  this.timeout(120_000);
  let temp: Awaited<ReturnType<typeof tempEmbeddedStore>>;
  let dir: string;
  let evaluationId: string;
  let sha256: string;
  let sections: ContextSections;
  let problems: string[];
  let snapshots: ReportSnapshots;

  const files = async (): Promise<string[]> => (await readdir(dir).catch(() => [])).sort();
  const onlyFile = async (): Promise<string> => {
    const names = await files();
    expect(names).to.have.length(1);
    return path.join(dir, names[0] ?? '');
  };
  const keep = async (sha = sha256): Promise<void> => {
    snapshots.keepLater(evaluationId, sha, sections);
    await snapshots.idle();
  };

  before(async () => {
    temp = await tempEmbeddedStore();
    const deps = await appDeps(temp.store);
    const demo = await loadDemo(temp.store, deps.registry);
    evaluationId = demo.id;
    sha256 = demo.results?.sha256 ?? '';
    sections = contextSections(await temp.store.evaluations.readResults(demo.id), 'demo results');
  });

  after(async () => {
    await temp.dispose();
  });

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'zhili-snapshots-'));
    problems = [];
    snapshots = new ReportSnapshots(dir, (error) => problems.push((error as Error).message));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads back what it kept, equal to the sections built from the stored results', async () => {
    expect(await snapshots.read(evaluationId, sha256)).to.equal(undefined);
    await keep();
    expect(await files()).to.deep.equal([`${evaluationId}.${sha256}.snapshot`]);
    const back = await new ReportSnapshots(dir).read(evaluationId, sha256);
    expect(back).to.deep.equal(sections);
    expect(back?.results.levels[0]?.scores).to.equal(back?.results.scores);
    expect(problems).to.deep.equal([]);
  });

  it('drops a snapshot made by other code without reporting it', async () => {
    await keep();
    const file = await onlyFile();
    const bytes = await readFile(file);
    const code = await codeFingerprint();
    await writeFile(file, Buffer.from(bytes.toString('latin1').replace(code, '0'.repeat(64)), 'latin1'));
    expect(await snapshots.read(evaluationId, sha256)).to.equal(undefined);
    expect(problems).to.deep.equal([]);
    expect(await files()).to.deep.equal([]);
  });

  const damages: [string, (bytes: Buffer) => Buffer, RegExp][] = [
    ['a changed byte in the columns', (b) => flip(b, b.length - 100), /damaged/],
    ['a changed byte in the value part', (b) => flip(b, b.indexOf(0x0a) + 200), /damaged/],
    ['a cut file', (b) => b.subarray(0, b.length - 8), /wrong length/],
    ['a longer file', (b) => Buffer.concat([b, Buffer.alloc(8)]), /wrong length/],
    ['text that is no snapshot', () => Buffer.from('{"kind":"something else"}\n'), /not a report snapshot/],
    ['a file without a header line', () => Buffer.alloc(5000, 0x41), /no snapshot header/],
  ];
  for (const [what, damage, message] of damages) {
    it(`refuses, reports and removes ${what}`, async () => {
      await keep();
      const file = await onlyFile();
      await writeFile(file, damage(await readFile(file)));
      expect(await snapshots.read(evaluationId, sha256)).to.equal(undefined);
      expect(problems).to.have.length(1);
      expect(problems[0]).to.match(message);
      expect(await files()).to.deep.equal([]);
    });
  }

  it('refuses a snapshot of other results put under these results’ name', async () => {
    await keep(OTHER_SHA);
    await rename(await onlyFile(), path.join(dir, `${evaluationId}.${sha256}.snapshot`));
    expect(await snapshots.read(evaluationId, sha256)).to.equal(undefined);
    expect(problems).to.deep.equal(['a snapshot of other results']);
  });

  it('keeps one snapshot per evaluation, and none once discarded', async () => {
    await keep(OTHER_SHA);
    await keep();
    expect(await files()).to.deep.equal([`${evaluationId}.${sha256}.snapshot`]);
    snapshots.keepLater('ev_other', sha256, sections);
    await snapshots.discard(evaluationId);
    expect(await files()).to.deep.equal([`ev_other.${sha256}.snapshot`]);
  });

  it('keeps nothing of a draft deleted while its snapshot was being written, or afterwards', async () => {
    snapshots.keepLater(evaluationId, sha256, sections);
    await snapshots.discard(evaluationId);
    expect(await files()).to.deep.equal([]);
    snapshots.keepLater(evaluationId, sha256, sections);
    await snapshots.idle();
    expect(await files()).to.deep.equal([]);
    expect(problems).to.deep.equal([]);
  });

  it('never makes a file name of an id or checksum that is not one', async () => {
    snapshots.keepLater('../outside', sha256, sections);
    snapshots.keepLater(evaluationId, '../../etc', sections);
    await snapshots.idle();
    expect(await files()).to.deep.equal([]);
    expect(await snapshots.read('../outside', sha256)).to.equal(undefined);
  });

  it('reports a snapshot it cannot write, and the pages go on', async () => {
    await writeFile(path.join(dir, 'blocked'), 'a file where the folder should be');
    const blocked = new ReportSnapshots(path.join(dir, 'blocked'), (error) => problems.push(String(error)));
    blocked.keepLater(evaluationId, sha256, sections);
    await blocked.idle();
    expect(problems).to.have.length(1);
    expect(await blocked.read(evaluationId, sha256)).to.equal(undefined);
  });
});

function flip(bytes: Buffer, at: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[at] = (copy[at] ?? 0) ^ 0xff;
  return copy;
}
