/**
 * BlobChunks writing in pieces on the embedded store: the chunks are byte for byte those of the
 * whole-text writer it replaces (so sizes, SHA-256 and every stored evaluation stay the same),
 * blobs stored before pieces still read, a wrong piece index is refused, a failed write leaves
 * nothing, and the text can be read as it is stored.
 */
import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { IntegrityError } from '../../../server/errors.js';
import { BlobChunks } from '../../../server/store/documents/blob-chunks.js';
import type { DocumentCollection, NewDoc } from '../../../server/store/documents/document-database.js';
import { NedbDatabase } from '../../../server/store/embedded/nedb-database.js';
import { hostileValue, keyOrder } from './hostile-json.js';
import { rejection } from '../../support/rejection.js';

const SLICE = 4 * 1024 * 1024;

/** The chunks' data as the whole-text writer stored it: 4 MiB slices of JSON.stringify, each gzipped (level 1). */
function wholeTextChunks(value: unknown): string[] {
  const text = Buffer.from(JSON.stringify(value), 'utf8');
  const out: string[] = [];
  for (let offset = 0; offset < text.length || offset === 0; offset += SLICE) {
    out.push(gzipSync(text.subarray(offset, offset + SLICE), { level: 1 }).toString('base64'));
  }
  return out;
}

describe('blob chunks written in pieces (embedded store)', function () {
  this.timeout(120_000);
  let dir: string;
  let db: NedbDatabase;
  let collection: DocumentCollection;
  // 120,000 rows: about 10 MB of JSON, so three slices, written in pieces of at most 1 KB.
  const value = hostileValue(120_000);
  const text = Buffer.from(JSON.stringify(value), 'utf8');

  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'zhili-blobs-'));
    db = await NedbDatabase.open(dir);
    collection = db.collection('blobChunks');
  });

  after(async () => {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('stores the same chunks, size and SHA-256 as JSON.stringify whole, and reads the value back in key order', async () => {
    expect(text.length).to.be.greaterThan(2 * SLICE);
    const blobs = new BlobChunks(collection, { pieceChars: 1024 });
    const ref = await blobs.write('res', value);
    expect(ref.bytes).to.equal(text.length);
    expect(ref.sha256).to.equal(createHash('sha256').update(text).digest('hex'));
    const docs = await collection.find({ owner: ref.key }, { sort: { index: 1 } });
    expect(ref.chunks).to.equal(3);
    expect(docs.map((doc) => doc.data)).to.deep.equal(wholeTextChunks(value));
    // Only the last chunk carries the index of the pieces.
    expect(docs.map((doc) => typeof doc.pieces)).to.deep.equal(['undefined', 'undefined', 'string']);
    const read = await blobs.read(ref);
    expect(read).to.deep.equal(JSON.parse(text.toString('utf8')));
    expect(keyOrder(read)).to.deep.equal(keyOrder(JSON.parse(text.toString('utf8'))));
    expect((await blobs.readText(ref)).equals(text)).to.equal(true);
  });

  it('writes a value shorter than a piece whole, without an index, as before', async () => {
    const blobs = new BlobChunks(collection);
    const small = { units: ['U1'], note: '说明' };
    const ref = await blobs.write('res', small);
    const docs = await collection.find({ owner: ref.key });
    expect(docs.map((doc) => doc.data)).to.deep.equal(wholeTextChunks(small));
    expect(docs[0]).to.not.have.property('pieces');
    expect(await blobs.read(ref)).to.deep.equal(small);
  });

  it('reads a blob stored before pieces (no index) whole', async () => {
    const old = hostileValue(2000);
    const data = wholeTextChunks(old);
    await collection.insertMany(
      data.map((chunk, index) => ({
        _id: `res_old:${index}`,
        owner: 'res_old',
        index,
        at: null,
        data: chunk,
      })),
    );
    const sha256 = createHash('sha256').update(JSON.stringify(old)).digest('hex');
    const read = await new BlobChunks(collection, { pieceChars: 1024 }).read({
      key: 'res_old',
      chunks: 1,
      sha256,
    });
    expect(read).to.deep.equal(JSON.parse(JSON.stringify(old)));
  });

  it('refuses a blob whose piece index was edited, naming it', async () => {
    const blobs = new BlobChunks(collection, { pieceChars: 1024 });
    const ref = await blobs.write('res', hostileValue(2000));
    const last = `${ref.key}:${ref.chunks - 1}`;
    const doc = await collection.findOne({ _id: last });
    const index = JSON.parse(String(doc?.pieces)) as [number, number, [number, number][]];
    const [first, second, ...rest] = index[2];
    await collection.updateOne(
      { _id: last },
      { pieces: JSON.stringify([0, ref.bytes, [second, first, ...rest]]) },
    );
    const error = await rejection(blobs.read(ref));
    expect(error).to.be.instanceOf(IntegrityError);
    expect(error.message).to.include(ref.key).and.include('index of its pieces');
  });

  it('removes the chunks it wrote when storing one fails, and when the value cannot be written', async () => {
    let inserts = 0;
    const failing: DocumentCollection = Object.assign(Object.create(collection) as DocumentCollection, {
      insertOne: async (doc: NewDoc): Promise<void> => {
        inserts += 1;
        if (inserts === 3) throw new Error('disk full');
        await collection.insertOne(doc);
      },
    });
    const before = await collection.count({});
    const error = await rejection(new BlobChunks(failing, { pieceChars: 1024 }).write('res', value));
    expect(error.message).to.equal('disk full');
    expect(inserts).to.equal(3);
    expect(await collection.count({})).to.equal(before);
    const bad = { a: hostileValue(200), b: [1, 2n] };
    expect(
      await rejection(new BlobChunks(collection, { pieceChars: 1024 }).write('res', bad)),
    ).to.be.instanceOf(TypeError);
    expect(await collection.count({})).to.equal(before);
  });
});
