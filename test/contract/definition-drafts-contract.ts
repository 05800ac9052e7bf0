/**
 * Store contract, definition drafts (the researcher's workbench).
 */
import { expect } from 'chai';
import { ForbiddenError, NotFoundError, ValidationError } from '../../server/errors.js';
import type { FreshLocation } from '../support/store-location.js';
import { pathsOf, rejection, storePerSuite } from './contract-helpers.js';

const dimension = { file: 'professionalism/dimension.json', text: '{"kind":"dimension","$x":"a.b"}' };

export function definitionDraftsContract(fresh: FreshLocation): void {
  describe('definition drafts', () => {
    const store = storePerSuite(fresh);

    it('creates a draft and reads back its files exactly, removals and odd characters included', async () => {
      const drafts = store.current().definitionDrafts;
      const changes = [dimension, { file: 'frameworks/old.json', text: null }];
      const created = await drafts.create({ owner: 'li', title: '专业性', basedOn: 3, changes });
      expect(created.id).to.match(/^dd_/);
      expect(created.createdAt).to.equal(created.updatedAt);
      const read = await drafts.get(created.id);
      expect(read).to.deep.equal({ ...created, changes });
    });

    it('lists only the owner’s drafts, the last changed first', async () => {
      const drafts = store.current().definitionDrafts;
      const first = await drafts.create({ owner: 'wang', title: 'a', basedOn: 1, changes: [] });
      const second = await drafts.create({ owner: 'wang', title: 'b', basedOn: 1, changes: [] });
      await drafts.create({ owner: 'zhao', title: 'c', basedOn: 1, changes: [] });
      // The save must be later than the second draft's creation on the millisecond clock.
      while (new Date().toISOString() <= second.updatedAt)
        await new Promise((resolve) => setImmediate(resolve));
      await drafts.save(first.id, 'wang', { title: 'a2' });
      const listed = await drafts.listByOwner('wang');
      expect(listed.map((draft) => draft.title)).to.deep.equal(['a2', 'b']);
      expect(listed.map((draft) => draft.id)).to.deep.equal([first.id, second.id]);
    });

    it('saves title, base and files for the owner', async () => {
      const drafts = store.current().definitionDrafts;
      const draft = await drafts.create({ owner: 'li', title: 'x', basedOn: 1, changes: [] });
      const saved = await drafts.save(draft.id, 'li', { title: 'y', basedOn: 2, changes: [dimension] });
      expect(saved).to.deep.include({ title: 'y', basedOn: 2, owner: 'li' });
      expect(saved.changes).to.deep.equal([dimension]);
      expect(saved.updatedAt >= draft.updatedAt).to.equal(true);
    });

    it('refuses a save by anyone but the owner, and leaves the draft as it was', async () => {
      const drafts = store.current().definitionDrafts;
      const draft = await drafts.create({ owner: 'li', title: 'mine', basedOn: 1, changes: [] });
      expect(await rejection(drafts.save(draft.id, 'wang', { title: 'theirs' }))).to.be.instanceOf(
        ForbiddenError,
      );
      expect((await drafts.get(draft.id))?.title).to.equal('mine');
    });

    it('reports an unknown draft on save and delete', async () => {
      const drafts = store.current().definitionDrafts;
      expect(await rejection(drafts.save('dd_none', 'li', { title: 'x' }))).to.be.instanceOf(NotFoundError);
      expect(await rejection(drafts.delete('dd_none'))).to.be.instanceOf(NotFoundError);
    });

    it('deletes a draft and returns what it was', async () => {
      const drafts = store.current().definitionDrafts;
      const draft = await drafts.create({ owner: 'li', title: 'gone', basedOn: 1, changes: [dimension] });
      expect((await drafts.delete(draft.id)).title).to.equal('gone');
      expect(await drafts.get(draft.id)).to.equal(undefined);
    });

    it('rejects a file path outside the catalogue’s shape and names the field', async () => {
      const drafts = store.current().definitionDrafts;
      const error = await rejection(
        drafts.create({
          owner: 'li',
          title: 'x',
          basedOn: 1,
          changes: [{ file: '../etc/passwd', text: '' }],
        }),
      );
      expect(error).to.be.instanceOf(ValidationError);
      expect(pathsOf(error)).to.deep.equal(['definition draft/changes/0/file']);
    });
  });
}
