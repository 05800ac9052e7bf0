/**
 * Numbers as the reader's language writes them (Intl), one formatter set per language built once:
 * scores with one decimal, signed changes, integers (ranks, counts) with grouping, shares as per
 * cent, and raw indicator values with as many decimals as their size needs. Missing values print
 * as an em dash, never "NaN".
 *
 * @example numberFormat('zh').score(61.25) === '61.3'; numberFormat('en').count(10000) === '10,000'
 */
import { LOCALES, type Lang } from '../i18n/lang.js';

export const MISSING = '—';

export interface NumberFormat {
  readonly score: (value: number) => string;
  readonly signed: (value: number) => string;
  readonly count: (value: number) => string;
  /** A share from 0 to 1 as a percentage with one decimal. */
  readonly share: (value: number) => string;
  readonly raw: (value: number) => string;
}

function build(lang: Lang): NumberFormat {
  const locale = LOCALES[lang];
  const one = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const signed = new Intl.NumberFormat(locale, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  });
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const raw = [0, 1, 2, 3].map((digits) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits }));
  const guard =
    (format: (value: number) => string) =>
    (value: number): string =>
      Number.isFinite(value) ? format(value) : MISSING;
  return {
    score: guard((v) => one.format(v)),
    signed: guard((v) => signed.format(v)),
    count: guard((v) => integer.format(v)),
    share: guard((v) => percent.format(v)),
    raw: guard((v) => {
      const size = Math.abs(v);
      const digits = size >= 100 ? 0 : size >= 10 ? 1 : size >= 1 || size === 0 ? 2 : 3;
      return (raw[digits] ?? integer).format(v);
    }),
  };
}

const formats: Readonly<Record<Lang, NumberFormat>> = { zh: build('zh'), en: build('en') };

export function numberFormat(lang: Lang): NumberFormat {
  return formats[lang];
}
