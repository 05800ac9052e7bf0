/**
 * Reads a multipart/form-data body (RFC 7578), as an HTML upload form sends it: text fields and
 * files by field name. The body arrives whole (express.raw with the import size limit); a body
 * that does not follow the format is refused with a ValidationError.
 *
 * @example
 * const form = parseMultipart(body, 'multipart/form-data; boundary=xyz');
 * form.fields.get('kind'); form.files.get('file')?.bytes
 */
import { ValidationError } from '../../errors.js';

export interface UploadedFile {
  readonly fileName: string;
  readonly bytes: Buffer;
}

export interface MultipartForm {
  readonly fields: ReadonlyMap<string, string>;
  readonly files: ReadonlyMap<string, UploadedFile>;
}

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');

export function boundaryOf(contentType: string | undefined): string {
  const match = /^multipart\/form-data\s*;.*?boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(
    contentType ?? '',
  );
  const boundary = match?.[1] ?? match?.[2];
  if (boundary === undefined) {
    throw new ValidationError('send the form as multipart/form-data', [
      { where: 'content-type', message: `found ${JSON.stringify(contentType ?? '')}` },
    ]);
  }
  return boundary;
}

function parameter(header: string, name: string): string | undefined {
  const match = new RegExp(`;\\s*${name}="([^"]*)"`, 'i').exec(header);
  return match?.[1];
}

function malformed(message: string): ValidationError {
  return new ValidationError(`the uploaded form is malformed: ${message}`, [{ where: 'body', message }]);
}

export function parseMultipart(body: Buffer, contentType: string | undefined): MultipartForm {
  const delimiter = Buffer.from(`--${boundaryOf(contentType)}`);
  const fields = new Map<string, string>();
  const files = new Map<string, UploadedFile>();
  let at = body.indexOf(delimiter);
  if (at < 0) throw malformed('no boundary in the body');
  for (;;) {
    const afterDelimiter = at + delimiter.length;
    if (body.subarray(afterDelimiter, afterDelimiter + 2).toString() === '--') break;
    const partStart = afterDelimiter + CRLF.length;
    const headerEnd = body.indexOf(HEADER_END, partStart);
    if (headerEnd < 0) throw malformed('a part has no header');
    const next = body.indexOf(Buffer.concat([CRLF, delimiter]), headerEnd);
    if (next < 0) throw malformed('a part is not closed');
    const headers = body.subarray(partStart, headerEnd).toString('utf8');
    const disposition = /^content-disposition:\s*form-data(.*)$/im.exec(headers)?.[1] ?? '';
    const name = parameter(disposition, 'name');
    if (name === undefined) throw malformed('a part has no field name');
    const content = body.subarray(headerEnd + HEADER_END.length, next);
    const fileName = parameter(disposition, 'filename');
    if (fileName === undefined) fields.set(name, content.toString('utf8'));
    else files.set(name, { fileName, bytes: Buffer.from(content) });
    at = next + CRLF.length;
  }
  return { fields, files };
}
