/**
 * A file answered piece by piece (send-chunks.ts) over a real HTTP connection: whole when every
 * piece comes, the error page (not a download) when the first piece fails, and a cut connection,
 * never a short file that looks whole, when a later piece fails.
 */
import { expect } from 'chai';
import express, { type ErrorRequestHandler } from 'express';
import { sendChunks } from '../../../server/http/pages/send-chunks.js';
import { serve, type Served } from '../../support/http.js';

function* pieces(count: number, failAfter = Infinity): Generator<string> {
  for (let i = 0; i < count; i += 1) {
    if (i === failAfter) throw new Error('the results went away');
    // Big enough that the socket's buffer fills and the writer waits for it.
    yield `${String(i).padStart(6, '0')},${'x'.repeat(64 * 1024)}\n`;
  }
}

describe('sending a file piece by piece', () => {
  let served: Served;
  const file = { contentType: 'text/csv; charset=utf-8', fileName: 'results.csv' };

  before(async () => {
    const app = express();
    app.get('/whole', (_req, res) => sendChunks(res, file, pieces(40)));
    app.get('/fails-first', (_req, res) => sendChunks(res, file, pieces(40, 0)));
    app.get('/fails-later', (_req, res) => sendChunks(res, file, pieces(40, 20)));
    const errorPage: ErrorRequestHandler = (error: Error, _req, res, _next) => {
      res.status(500).send(`<p>${error.message}</p>`);
    };
    app.use(errorPage);
    served = await serve(app);
  });
  after(async () => {
    await served.close();
  });

  it('sends every piece, in order, as the named file', async () => {
    const response = await fetch(`${served.url}/whole`);
    const text = await response.text();
    expect(response.headers.get('content-disposition')).to.equal('attachment; filename=results.csv');
    expect(text).to.equal([...pieces(40)].join(''));
  });

  it('answers with the error page, not a download, when the first piece fails', async () => {
    const response = await fetch(`${served.url}/fails-first`);
    expect(response.status).to.equal(500);
    expect(response.headers.get('content-type')).to.match(/^text\/html/);
    expect(response.headers.get('content-disposition')).to.equal(null);
    expect(await response.text()).to.equal('<p>the results went away</p>');
  });

  it('cuts the connection when a later piece fails', async () => {
    const response = await fetch(`${served.url}/fails-later`);
    expect(response.status).to.equal(200);
    let caught: unknown;
    await response.text().catch((error: unknown) => (caught = error));
    expect(caught, 'reading the body').to.be.instanceOf(Error);
  });
});
