/**
 * One use case, every door: the same unit register imported through the import page, the REST API
 * and the CLI leaves exactly one import.commit audit event each, naming the batch it committed and
 * the actor who imported it (before the use-case layer, the page and the CLI wrote none).
 */
import { expect } from 'chai';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildApp } from '../../server/app.js';
import { registerImport } from '../../scripts/commands/import.js';
import type { AuditEvent } from '../../server/store/models/audit-event.js';
import type { Store } from '../../server/store/store.js';
import { appDeps } from '../support/app-deps.js';
import { seedUser, type SeededUser } from '../support/auth.js';
import { serve, type Served } from '../support/http.js';
import { openLocation } from '../support/store-location.js';
import { tempEmbeddedStore } from '../support/temp-store.js';
import { settle } from '../http/api/api-fixture.js';
import { importThroughPage } from '../reports/demo-app.js';
import { cliHarness } from '../scripts/cli-harness.js';

const REGISTER = '单位代码,名称,层级,上级代码\r\nD1,江岸区,区,\r\nA,车站社区,社区,D1\r\n';

/** The import audit events of a store, oldest first. */
async function importEvents(store: Store): Promise<AuditEvent[]> {
  return (await store.audit.list()).filter((event) => event.action.startsWith('import.')).reverse();
}

async function committedBatchIds(store: Store): Promise<string[]> {
  return (await store.imports.list({ status: 'committed' })).map((batch) => batch.id);
}

describe('import use case through every door', function () {
  this.timeout(60_000);

  describe('over the web', () => {
    let temp: Awaited<ReturnType<typeof tempEmbeddedStore>>;
    let served: Served;
    let evaluator: SeededUser;

    beforeEach(async () => {
      temp = await tempEmbeddedStore();
      served = await serve(buildApp(await appDeps(temp.store)));
      evaluator = await seedUser(temp.store, 'evaluator', { login: 'zhao' });
    });

    afterEach(async () => {
      await served.close();
      await temp.dispose();
    });

    it('leaves one import.commit for a register uploaded through the /import page', async () => {
      await importThroughPage(
        served.url,
        evaluator,
        { kind: 'units' },
        { name: 'units.csv', text: REGISTER },
      );
      const events = await importEvents(temp.store);
      expect(events.map((e) => [e.action, e.actor, e.target])).to.deep.equal([
        ['import.commit', 'zhao', (await committedBatchIds(temp.store))[0]],
      ]);
    });

    it('leaves one import.commit for the same register sent to POST /api/v1/imports', async () => {
      const posted = await fetch(`${served.url}/api/v1/imports?kind=units&filename=units.csv`, {
        method: 'POST',
        headers: { ...evaluator.headers, 'content-type': 'text/csv' },
        body: REGISTER,
      });
      expect(posted.status).to.equal(202);
      const job = (await posted.json()) as { id: string };
      expect((await settle(`${served.url}/api/v1`, job.id, evaluator)).status).to.equal('succeeded');
      const events = await importEvents(temp.store);
      expect(events.map((e) => [e.action, e.actor, e.target])).to.deep.equal([
        ['import.commit', 'zhao', (await committedBatchIds(temp.store))[0]],
      ]);
    });
  });

  describe('from the command line', () => {
    let cli: Awaited<ReturnType<typeof cliHarness>>;

    before(async () => {
      cli = await cliHarness((program) => {
        registerImport(program);
      });
    });

    after(async () => {
      await cli.dispose();
    });

    it('leaves one import.commit for the same register imported with `import units`, as cli:<user>', async () => {
      const file = path.join(cli.dataDir, 'units.csv');
      await writeFile(file, REGISTER);
      const run = await cli.run(['import', 'units', file]);
      expect(run.error).to.equal(undefined);
      const store = await openLocation({ kind: 'embedded', dataDir: cli.dataDir });
      try {
        const events = await importEvents(store);
        expect(events.map((e) => [e.action, e.target])).to.deep.equal([
          ['import.commit', (await committedBatchIds(store))[0]],
        ]);
        expect(events[0]!.actor).to.match(/^cli(:|$)/);
      } finally {
        await store.close();
      }
    });
  });
});
