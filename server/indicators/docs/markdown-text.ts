/**
 * Small Markdown helpers for the generated catalogue: escaping table cells and writing tables.
 *
 * @example markdownTable(['a', 'b'], [['1', 'x|y']]) === '| a | b |\n| --- | --- |\n| 1 | x\\|y |'
 */
export function cell(text: string): string {
  return text.replaceAll('\\', '\\\\').replaceAll('|', '\\|').replaceAll(/\r?\n/g, '<br>');
}

export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.map(cell).join(' | ')} |`;
  return [line(header), `| ${header.map(() => '---').join(' | ')} |`, ...rows.map(line)].join('\n');
}

/** Multi-paragraph text kept as paragraphs. */
export function paragraphs(text: string): string {
  return text
    .split(/\r?\n/)
    .filter((part) => part.trim() !== '')
    .join('\n\n');
}
