/**
 * The `keep` helper of the templates renders a block once per model object: the same HTML as the
 * block rendered in place, kept for that object only (a new object, as a new report context makes,
 * renders anew), and blind to the rest of the page, so one reader's page never leaks into a block
 * another reader's page reuses.
 */
import { expect } from 'chai';
import Handlebars from 'handlebars';
import { assertKeptBlocksSelfContained, keptBlocks } from '../../server/http/kept-blocks.js';
import { loadViews } from '../../server/http/views.js';
import { viewsDir } from '../../server/paths.js';

function engine(): typeof Handlebars {
  const hbs = Handlebars.create();
  hbs.registerHelper('keep', keptBlocks(hbs));
  return hbs;
}

describe('http: kept blocks ({{#keep}})', () => {
  it('renders the block with the model as its context and @root, as the block would in place', () => {
    const hbs = engine();
    const model = { t: { title: 'Districts <A&B>' }, rows: [{ name: 'x' }, { name: 'y' }] };
    const block = '<h2>{{t.title}}</h2>{{#each rows}}<p>{{name}}{{@root.t.title}}</p>{{/each}}';
    const inPlace = hbs.compile(block)(model);
    const kept = hbs.compile(`{{#keep section as="s"}}${block}{{/keep}}`)({ section: model });
    expect(kept).to.equal(inPlace);
    expect(kept).to.include('Districts &lt;A&amp;B&gt;');
  });

  it('renders a model once and reuses its HTML for that very object', () => {
    const hbs = engine();
    const template = hbs.compile('{{#keep section as="s"}}{{value}}{{/keep}}');
    const section = { value: 'first' };
    expect(template({ section })).to.equal('first');
    // Memoised models never change; changing one shows that the second page reused the HTML.
    section.value = 'second';
    expect(template({ section })).to.equal('first');
  });

  it('renders a new object anew, as after the results changed (a new report context)', () => {
    const hbs = engine();
    const template = hbs.compile('{{#keep section as="s"}}{{value}}{{/keep}}');
    expect(template({ section: { value: 'old results' } })).to.equal('old results');
    expect(template({ section: { value: 'new results' } })).to.equal('new results');
  });

  it('keeps different blocks of one object apart by their names', () => {
    const hbs = engine();
    const template = hbs.compile('{{#keep m as="a"}}A{{v}}{{/keep}}|{{#keep m as="b"}}B{{v}}{{/keep}}');
    expect(template({ m: { v: 1 } })).to.equal('A1|B1');
  });

  it('does not let the block see the page around it: its root, its reader, the loop index', () => {
    const hbs = engine();
    const template = hbs.compile(
      '{{#each rows}}{{#keep this as="row"}}[{{name}}{{@index}}{{@root.reader}}]{{/keep}}{{/each}}',
    );
    const rows = [{ name: 'a' }, { name: 'b' }];
    expect(template({ reader: 'Li', rows })).to.equal('[a][b]');
    // Another reader's page reuses the rows' HTML, which never held the first reader's name.
    expect(template({ reader: 'Wang', rows: [rows[1], rows[0]] })).to.equal('[b][a]');
  });

  it('renders the {{else}} part for a missing model, and nothing without one', () => {
    const hbs = engine();
    expect(hbs.compile('{{#keep m}}yes{{else}}none{{/keep}}')({ m: null })).to.equal('none');
    expect(hbs.compile('{{#keep m}}yes{{/keep}}')({})).to.equal('');
  });

  it('refuses, when the templates load, a kept block that reaches out with ../, itself or through a partial', () => {
    const pages = (source: string) => new Map([['page', source]]);
    const partials = new Map([['row', '<td>{{../reader}}</td>']]);
    expect(() => {
      assertKeptBlocksSelfContained(pages('{{#keep m}}{{#if x}}{{../y}}{{/if}}{{/keep}}'), new Map());
    }).to.throw(/page: "..\/y" inside \{\{#keep\}\}/);
    expect(() => {
      assertKeptBlocksSelfContained(
        pages('{{#each rows}}{{#keep this}}{{> row}}{{/keep}}{{/each}}'),
        partials,
      );
    }).to.throw(/partial row \(from page\)/);
    // Outside kept blocks ../ is the template's own business.
    expect(() => {
      assertKeptBlocksSelfContained(
        pages('{{#each rows}}{{../y}}{{/each}}{{#keep m}}{{y}}{{/keep}}'),
        partials,
      );
    }).not.to.throw();
  });

  it("accepts the project's own templates", () => {
    expect(() => loadViews(viewsDir)).not.to.throw();
  });
});
