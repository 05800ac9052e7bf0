/**
 * The text of a PDF that Chromium printed, page by page, for the print tests: what a reader of
 * the paper would read (page numbers in the margins, the date, whether any control got printed).
 * Chromium (Skia) writes each page's content as a deflated stream that draws glyph ids of Type0
 * fonts, with a ToUnicode CMap per font; this reads exactly that and nothing more general.
 */
import { inflateSync } from 'node:zlib';

interface PdfObject {
  readonly dict: string;
  readonly stream: Buffer | undefined;
}

/** Every object "n 0 obj … endobj", its dictionary text and its (inflated) stream. */
function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const header = /(\d+) 0 obj\s*/g;
  for (let match = header.exec(text); match !== null; match = header.exec(text)) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endobj', start);
    const body = text.slice(start, end);
    const streamAt = body.indexOf('stream');
    if (streamAt < 0) {
      objects.set(Number(match[1]), { dict: body, stream: undefined });
      continue;
    }
    const dict = body.slice(0, streamAt);
    const dataStart = start + streamAt + 'stream'.length + (text[start + streamAt + 6] === '\r' ? 2 : 1);
    const length = /\/Length (\d+)/.exec(dict);
    const raw = pdf.subarray(dataStart, dataStart + Number(length?.[1] ?? 0));
    const stream = dict.includes('/FlateDecode') ? inflateSync(raw) : raw;
    objects.set(Number(match[1]), { dict, stream });
    header.lastIndex = end;
  }
  return objects;
}

/** A font's ToUnicode CMap: how many hex digits a code takes, and code (upper-case hex) → text. */
interface CMap {
  readonly digits: number;
  readonly glyphs: Map<string, string>;
}

const utf16 = (hex: string): string =>
  String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((unit) => parseInt(unit, 16)));

function readCMap(cmap: string): CMap {
  const glyphs = new Map<string, string>();
  const space = /begincodespacerange\s*<([0-9A-Fa-f]+)>/.exec(cmap);
  const digits = space?.[1]?.length ?? 4;
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code = '', text = ''] of (block[1] ?? '').matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g))
      glyphs.set(code.toUpperCase(), utf16(text));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    const ranges = (block[1] ?? '').matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g);
    for (const [, from = '', to = '', first = ''] of ranges) {
      for (let code = parseInt(from, 16); code <= parseInt(to, 16); code++) {
        const unit = parseInt(first, 16) + code - parseInt(from, 16);
        glyphs.set(
          code.toString(16).toUpperCase().padStart(digits, '0'),
          utf16(unit.toString(16).padStart(4, '0')),
        );
      }
    }
  }
  return { digits, glyphs };
}

const reference = (dict: string, key: string): number | undefined => {
  const match = new RegExp(`/${key} (\\d+) 0 R`).exec(dict);
  return match === null ? undefined : Number(match[1]);
};

const NO_FONT: CMap = { digits: 2, glyphs: new Map() };

/** Draws text: a font, a text position, a glyph string, a marked span with its actual text, its end. */
const OPERATION =
  /\/(\w+) [\d.]+ Tf|[-\d.]+ [-\d.]+ [-\d.]+ [-\d.]+ [-\d.]+ (-?[\d.]+) Tm|-?[\d.]+ (-?[\d.]+) Td|<([0-9A-Fa-f]*)> ?Tj|\[([^\]]*)\] ?TJ|\/ActualText <(?:FEFF)?([0-9A-Fa-f]*)>[^\n]*BDC|(EMC)/g;

/**
 * The text each page shows, in drawing order: text drawn on one baseline joins into one line,
 * a new baseline starts a new line.
 */
export function pdfPages(pdf: Buffer): string[] {
  const objects = readObjects(pdf);
  const pages = [...objects.values()].filter((o) => /\/Type\s*\/Page\b/.test(o.dict));
  const cmaps = new Map<number, CMap>();
  return pages.map((page) => {
    const fonts = new Map<string, CMap>();
    const fontBlock = /\/Font\s*<<([^>]*)>>/.exec(page.dict)?.[1] ?? '';
    for (const [, name = '', id = ''] of fontBlock.matchAll(/\/(\w+) (\d+) 0 R/g)) {
      const toUnicode = reference(objects.get(Number(id))?.dict ?? '', 'ToUnicode');
      if (toUnicode === undefined) continue;
      const cmap = cmaps.get(toUnicode) ?? readCMap(objects.get(toUnicode)?.stream?.toString('latin1') ?? '');
      cmaps.set(toUnicode, cmap);
      fonts.set(name, cmap);
    }
    const ops = objects.get(reference(page.dict, 'Contents') ?? -1)?.stream?.toString('latin1') ?? '';
    let font = NO_FONT;
    let inActualText = false;
    let baseline: string | undefined;
    let text = '';
    const decode = (hex: string): string => {
      if (inActualText) return '';
      const codes = hex.toUpperCase().match(new RegExp(`.{${font.digits}}`, 'g')) ?? [];
      return codes.map((code) => font.glyphs.get(code) ?? '').join('');
    };
    for (const [, fontName, y, dy, single, array, actual, end] of ops.matchAll(OPERATION)) {
      if (fontName !== undefined) font = fonts.get(fontName) ?? NO_FONT;
      else if (y !== undefined) {
        if (baseline !== undefined && y !== baseline) text += '\n';
        baseline = y;
      } else if (dy !== undefined && Number(dy) !== 0) {
        text += '\n';
        baseline = undefined;
      } else if (single !== undefined) text += decode(single);
      else if (array !== undefined)
        text += [...array.matchAll(/<([0-9A-Fa-f]*)>/g)].map((part) => decode(part[1] ?? '')).join('');
      else if (actual !== undefined) {
        text += utf16(actual);
        inActualText = true;
      } else if (end !== undefined) inActualText = false;
    }
    return text;
  });
}

/** A drawing position as a PDF matrix [a b c d e f]. */
type Matrix = readonly [number, number, number, number, number, number];

const times = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];

const GRAPHICS =
  /(-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) cm|(?<![\w/])([qQ])(?!\w)|\/(\w+) Do/g;

/**
 * The size on paper, in points (1/72 inch), of every image the pages draw (a chart's canvas prints
 * as one): the unit square an image fills, through the drawing positions saved (q), restored (Q)
 * and changed (cm) before it.
 */
export function pdfImageSizes(pdf: Buffer): { width: number; height: number }[] {
  const objects = readObjects(pdf);
  const sizes: { width: number; height: number }[] = [];
  for (const page of [...objects.values()].filter((o) => /\/Type\s*\/Page\b/.test(o.dict))) {
    const images = new Set<string>();
    const xobjects = /\/XObject\s*<<([^>]*)>>/.exec(page.dict)?.[1] ?? '';
    for (const [, name = '', id = ''] of xobjects.matchAll(/\/(\w+) (\d+) 0 R/g))
      if (/\/Subtype\s*\/Image/.test(objects.get(Number(id))?.dict ?? '')) images.add(name);
    const ops = objects.get(reference(page.dict, 'Contents') ?? -1)?.stream?.toString('latin1') ?? '';
    let current: Matrix = [1, 0, 0, 1, 0, 0];
    const saved: Matrix[] = [];
    for (const [, a, b, c, d, e, f, save, name] of ops.matchAll(GRAPHICS)) {
      if (save === 'q') saved.push(current);
      else if (save === 'Q') current = saved.pop() ?? [1, 0, 0, 1, 0, 0];
      else if (name !== undefined) {
        if (images.has(name))
          sizes.push({
            width: Math.hypot(current[0], current[1]),
            height: Math.hypot(current[2], current[3]),
          });
      } else current = times([a, b, c, d, e, f].map(Number) as unknown as Matrix, current);
    }
  }
  return sizes;
}
