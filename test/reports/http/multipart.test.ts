import { expect } from 'chai';
import { ValidationError } from '../../../server/errors.js';
import { boundaryOf, parseMultipart } from '../../../server/http/pages/multipart.js';
import { formBody } from '../demo-app.js';

describe('reports: multipart form bodies', () => {
  it('reads text fields and a file with a Chinese name', () => {
    const { body, contentType } = formBody(
      { kind: 'units', period: '2025' },
      { name: '名册.csv', text: 'a,b\r\n1,2\r\n' },
    );
    const form = parseMultipart(body, contentType);
    expect(Object.fromEntries(form.fields)).to.deep.equal({ kind: 'units', period: '2025' });
    expect(form.files.get('file')?.fileName).to.equal('名册.csv');
    expect(form.files.get('file')?.bytes.toString('utf8')).to.equal('a,b\r\n1,2\r\n');
  });
  it('keeps binary file bytes unchanged', () => {
    const boundary = 'b0';
    const payload = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0x0d, 0x0a]);
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="x.xlsx"\r\n\r\n`),
      payload,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    expect([
      ...(parseMultipart(body, `multipart/form-data; boundary=${boundary}`).files.get('file')?.bytes ?? []),
    ]).to.deep.equal([...payload]);
  });
  it('reads a quoted boundary', () => {
    expect(boundaryOf('multipart/form-data; boundary="a b"')).to.equal('a b');
  });
  it('refuses a body that is not multipart', () => {
    expect(() => boundaryOf('application/json')).to.throw(ValidationError);
  });
  it('refuses a part that is never closed', () => {
    const body = Buffer.from('--b\r\nContent-Disposition: form-data; name="kind"\r\n\r\nunits');
    expect(() => parseMultipart(body, 'multipart/form-data; boundary=b')).to.throw(ValidationError);
  });
});
