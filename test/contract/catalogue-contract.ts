/**
 * The catalogue part of the Store contract: versions append one after another and come back
 * exactly as written (files byte for byte, changes, reason), newest first in the list, without
 * their files; a second writer of the same number gets a ConflictError; bad versions are refused
 * at the boundary naming the bad path.
 */
import { expect } from 'chai';
import { ConflictError, ValidationError } from '../../server/errors.js';
import { catalogueSha256 } from '../../server/domain/catalogue.js';
import type { FreshLocation } from '../support/store-location.js';
import { pathsOf, rejection, storePerSuite } from './contract-helpers.js';

const files = [
  { file: 'coverage/dimension.json', text: '{\n  "kind": "dimension",\n  "id": "coverage"\n}\n' },
  // Text that must survive as written: CJK, a BOM-less emoji, CRLF line ends, trailing spaces.
  {
    file: 'coverage/网格.json',
    text: '{"kind":"indicator","id":"grid","version":"1.0.0","name":"网格 🏘"}\r\n  ',
  },
  { file: 'frameworks/default.json', text: '{"kind":"framework","id":"default","version":"1.0.0"}' },
];

function next(version: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    version,
    files,
    reason: { zh: '种子目录', en: 'seed catalogue' },
    actor: 'system:seed',
    basedOn: version === 1 ? null : version - 1,
    origin: version === 1 ? 'seed' : 'app',
    changes:
      version === 1
        ? files.map((f) => ({ file: f.file, change: 'added' }))
        : [
            {
              file: 'frameworks/default.json',
              change: 'changed',
              kind: 'framework',
              id: 'default',
              from: '1.0.0',
              to: '1.1.0',
            },
          ],
    ...overrides,
  };
}

export function catalogueContract(fresh: FreshLocation): void {
  describe('catalogue versions', () => {
    const store = storePerSuite(fresh);

    it('is empty at first', async () => {
      expect(await store.current().catalogue.latest()).to.equal(undefined);
      expect(await store.current().catalogue.latestNumber()).to.equal(0);
      expect(await store.current().catalogue.list()).to.deep.equal([]);
      expect(await store.current().catalogue.get(1)).to.equal(undefined);
    });

    it('keeps a version exactly as written, with its fingerprint and date', async () => {
      const before = Date.now();
      const stored = await store.current().catalogue.append(next(1));
      expect(stored.version).to.equal(1);
      expect(stored.files).to.deep.equal(files);
      expect(stored.sha256)
        .to.equal(catalogueSha256(files))
        .and.match(/^[0-9a-f]{64}$/);
      expect(stored.fileCount).to.equal(3);
      expect(stored.origin).to.equal('seed');
      expect(stored.basedOn).to.equal(null);
      expect(stored.reason).to.deep.equal({ zh: '种子目录', en: 'seed catalogue' });
      expect(Date.parse(stored.createdAt)).to.be.at.least(before - 1000);
      const read = await store.current().catalogue.get(1);
      expect(read).to.deep.equal(stored);
      expect(read?.files.map((f) => Buffer.from(f.text, 'utf8').toString('hex'))).to.deep.equal(
        files.map((f) => Buffer.from(f.text, 'utf8').toString('hex')),
      );
    });

    it('appends the next version; latest is the newest, list is newest first without files', async () => {
      const second = await store.current().catalogue.append(next(2, { reason: '框架升级' }));
      expect(second.changes).to.deep.equal([
        {
          file: 'frameworks/default.json',
          change: 'changed',
          kind: 'framework',
          id: 'default',
          from: '1.0.0',
          to: '1.1.0',
        },
      ]);
      expect((await store.current().catalogue.latest())?.version).to.equal(2);
      expect(await store.current().catalogue.latestNumber()).to.equal(2);
      const list = await store.current().catalogue.list();
      expect(list.map((v) => v.version)).to.deep.equal([2, 1]);
      expect(list[0]).to.not.have.property('files');
      expect(list[0]?.reason).to.equal('框架升级');
      expect(list[0]?.basedOn).to.equal(1);
    });

    it('refuses a second writer of the same number with a ConflictError, and a gap', async () => {
      expect(await rejection(store.current().catalogue.append(next(2)))).to.be.instanceOf(ConflictError);
      expect(await rejection(store.current().catalogue.append(next(5, { basedOn: 2 })))).to.be.instanceOf(
        ConflictError,
      );
      expect((await store.current().catalogue.list()).map((v) => v.version)).to.deep.equal([2, 1]);
    });

    it('lets only one of two writers racing for the same number in', async () => {
      const outcomes = await Promise.allSettled([
        store.current().catalogue.append(next(3, { reason: 'a' })),
        store.current().catalogue.append(next(3, { reason: 'b' })),
      ]);
      expect(outcomes.filter((o) => o.status === 'fulfilled')).to.have.length(1);
      const refused = outcomes.find((o) => o.status === 'rejected');
      expect(refused?.status === 'rejected' ? refused.reason : undefined).to.be.instanceOf(ConflictError);
      expect((await store.current().catalogue.list()).map((v) => v.version)).to.deep.equal([3, 2, 1]);
    });

    it('refuses bad versions at the boundary, naming the path', async () => {
      const cases: [Record<string, unknown>, string][] = [
        [next(4, { files: [{ file: '../escape.json', text: '{}' }] }), 'catalogue version/files/0/file'],
        [next(4, { files: [{ file: '/abs.json', text: '{}' }] }), 'catalogue version/files/0/file'],
        [
          next(4, {
            files: [
              { file: 'b.json', text: '{}' },
              { file: 'a.json', text: '{}' },
            ],
          }),
          'catalogue version/files/1/file',
        ],
        [
          next(4, { files: [{ file: 'indicator.schema.json', text: '{}' }] }),
          'catalogue version/files/0/file',
        ],
        [next(4, { reason: '' }), 'catalogue version/reason'],
        [next(4, { origin: 'elsewhere' }), 'catalogue version/origin'],
        [next(4, { basedOn: 4 }), 'catalogue version/basedOn'],
        [next(4, { changes: [{ file: 'a.json', change: 'renamed' }] }), 'catalogue version/changes/0/change'],
      ];
      for (const [input, where] of cases) {
        const error = await rejection(store.current().catalogue.append(input));
        expect(error, where).to.be.instanceOf(ValidationError);
        expect(
          pathsOf(error).some((p) => (p ?? '').startsWith(where)),
          `${where} in ${pathsOf(error).join(', ')}`,
        ).to.equal(true);
      }
      expect((await store.current().catalogue.latest())?.version).to.equal(3);
    });

    it('holds the repository-sized catalogue (about 100 files, 400 KB) in one version', async () => {
      const big = Array.from({ length: 120 }, (_, i) => ({
        file: `d${String(i).padStart(3, '0')}/x.json`,
        text: JSON.stringify({ kind: 'indicator', id: `i${i}`, pad: '指'.repeat(1500) }),
      }));
      const stored = await store.current().catalogue.append(next(4, { files: big, changes: [] }));
      expect((await store.current().catalogue.get(4))?.files).to.deep.equal(big);
      expect(stored.fileCount).to.equal(120);
    });
  });
}
