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

/** Formatted values remembered per formatter before the memory is cleared. */
const FORMAT_CACHE_SIZE = 50_000;
/** Integer keys below this are remembered in a plain array. */
const DENSE_KEYS = 1 << 17;

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
  const rawFormat =
    (byDigits: readonly ((scaled: number) => string)[]) =>
    (value: number): string => {
      if (!Number.isFinite(value)) return MISSING;
      const size = Math.abs(value);
      const digits = size >= 100 ? 0 : size >= 10 ? 1 : size >= 1 || size === 0 ? 2 : 3;
      const scale = 10 ** digits;
      // Rounded to its decimals first, so values that print alike share one remembered text.
      return (byDigits[digits] ?? String)(Math.round(value * scale) / scale);
    };
  /**
   * Pages print the same values again and again, so each formatter asks Intl once per value. With a
   * `scale` (10 for one decimal) the value is first rounded to that precision (half up), so every
   * value that prints the same shares one entry.
   */
  const remembered = (format: (value: number) => string, scale?: number) => {
    // Small non-negative integer keys (scores × 10, ranks, counts) sit in an array; others in a map.
    const dense: (string | undefined)[] = [];
    const known = new Map<number, string>();
    return (value: number): string => {
      if (!Number.isFinite(value)) return MISSING;
      const key = scale === undefined ? value : Math.round(value * scale);
      if (key >= 0 && key < DENSE_KEYS && Number.isInteger(key)) {
        return (dense[key] ??= format(scale === undefined ? value : key / scale));
      }
      let text = known.get(key);
      if (text === undefined) {
        text = format(scale === undefined ? value : key / scale);
        if (known.size >= FORMAT_CACHE_SIZE) known.clear();
        known.set(key, text);
      }
      return text;
    };
  };
  return {
    score: remembered((v) => one.format(v), 10),
    signed: remembered((v) => signed.format(v), 10),
    count: remembered((v) => integer.format(v), 1),
    share: remembered((v) => percent.format(v), 1000),
    // Keyed by the value in units of its last decimal: whole numbers find their text faster than doubles.
    raw: rawFormat(raw.map((format, digits) => remembered((v) => format.format(v), 10 ** digits))),
  };
}

const formats: Readonly<Record<Lang, NumberFormat>> = { zh: build('zh'), en: build('en') };

export function numberFormat(lang: Lang): NumberFormat {
  return formats[lang];
}
