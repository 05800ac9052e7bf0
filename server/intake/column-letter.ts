/**
 * Spreadsheet column letters from a 0-based column index, as users see them in Excel or WPS.
 *
 * @example columnLetter(0) === 'A'; columnLetter(25) === 'Z'; columnLetter(26) === 'AA'
 */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
