/**
 * GET /api/v1/evaluations/:id/results serves results written in pieces as the stored text itself:
 * the bytes of JSON.stringify, whose SHA-256 is the ETag, without parsing and writing them again.
 */
import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { buildApp } from '../../../server/app.js';
import { appDeps } from '../../support/app-deps.js';
import { seedUser } from '../../support/auth.js';
import { serve } from '../../support/http.js';
import { tempEmbeddedStore } from '../../support/temp-store.js';
import { hostileValue } from '../../store/documents/hostile-json.js';

describe('results API: results written in pieces', function () {
  this.timeout(60_000);

  it('answers the stored bytes under an ETag that is their SHA-256', async () => {
    // About 1.7 MB of JSON: longer than a piece (1 MiB).
    const results = hostileValue(20_000);
    const temp = await tempEmbeddedStore();
    try {
      const created = await temp.store.evaluations.create(
        {
          id: 'ev_big',
          framework: { id: 'default', version: '1.0.0', hash: 'sha256:abc', hashes: {}, definition: {} },
          methods: {},
          periods: ['2025'],
          dataFingerprint: 'sha256:data',
          createdBy: 'evaluator1',
        },
        results,
      );
      const admin = await seedUser(temp.store, 'admin');
      const served = await serve(buildApp(await appDeps(temp.store)));
      try {
        const url = `${served.url}/api/v1/evaluations/ev_big/results`;
        const answer = await fetch(url, { headers: admin.headers });
        const body = Buffer.from(await answer.arrayBuffer());
        expect(answer.status).to.equal(200);
        expect(answer.headers.get('content-type')).to.match(/^application\/json/);
        expect(body.equals(Buffer.from(JSON.stringify(results), 'utf8'))).to.equal(true);
        const sha256 = createHash('sha256').update(body).digest('hex');
        expect(sha256).to.equal(created.results?.sha256);
        expect(answer.headers.get('etag')).to.equal(`"${sha256}"`);
      } finally {
        await served.close();
      }
    } finally {
      await temp.dispose();
    }
  });
});
