/**
 * What the console shows on a first start (a store without users), so a person sees the one-time
 * setup link among the JSON log lines: on a terminal a framed block, piped (to a file or a log
 * collector) the same words as plain lines, the link alone on its line either way so it can be
 * copied or clicked whole. Chinese first, then English.
 *
 * @example
 * setupBanner('http://127.0.0.1:3000/setup?token=abc', false).split('\n')[1] === 'http://127.0.0.1:3000/setup?token=abc'
 */

export const SETUP_CLI = 'npm run zhili -- users add admin --role admin';

function lines(link: string): string[] {
  return [
    '首次启动：请在浏览器中打开以下链接创建管理员',
    'First start: open this link to create the administrator',
    link,
    '链接只能使用一次，每次重启都会换新 / The link works once; every restart prints a new one',
    `或在命令行创建 / or at the console: ${SETUP_CLI}`,
  ];
}

const WIDE =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/;

/** Columns a text takes on a terminal: Chinese characters and full-width forms take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += WIDE.test(char) ? 2 : 1;
  return width;
}

function framed(content: readonly string[]): string {
  const width = Math.max(...content.map(displayWidth));
  const rule = '─'.repeat(width + 2);
  return [
    `┌${rule}┐`,
    ...content.map((line) => `│ ${line}${' '.repeat(width - displayWidth(line))} │`),
    `└${rule}┘`,
  ].join('\n');
}

/**
 * The block for a terminal, else plain lines; no trailing newline. `tty` is the stream's isTTY,
 * which Node leaves undefined on a pipe whatever its typings say.
 */
export function setupBanner(link: string, tty: boolean | undefined): string {
  const content = lines(link);
  if (tty !== true) return content.join('\n');
  const [zh = '', en = '', url = '', ...rest] = content;
  return `\n${framed([zh, en, '', url, '', ...rest])}\n`;
}
