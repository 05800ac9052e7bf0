/**
 * Dictionary lookups: `labelsFor(lang)` is the whole dictionary in one language (what templates get
 * as `t`), built once per language; `label` looks up one key; `labelOf` looks up a key built from an
 * id found in data (`light_green`, `m_weighting_entropy` …) and falls back to the id itself.
 *
 * @example label('en', 'navEvaluations') === 'Evaluations'; labelOf('zh', 'peer', 'urban_large') === '城市大型社区'
 */
import { DICTIONARY, type LabelKey } from './dictionary.js';
import type { Lang } from './lang.js';

export type Labels = Readonly<Record<LabelKey, string>>;

function build(lang: Lang): Labels {
  const out: Partial<Record<LabelKey, string>> = {};
  for (const key of Object.keys(DICTIONARY) as LabelKey[]) out[key] = DICTIONARY[key][lang];
  return out as Labels;
}

const byLang: Readonly<Record<Lang, Labels>> = { zh: build('zh'), en: build('en') };

export function labelsFor(lang: Lang): Labels {
  return byLang[lang];
}

export function label(lang: Lang, key: LabelKey): string {
  return byLang[lang][key];
}

const byKey: Readonly<Record<Lang, ReadonlyMap<string, string>>> = {
  zh: new Map(Object.entries(byLang.zh)),
  en: new Map(Object.entries(byLang.en)),
};

export function labelOf(lang: Lang, family: string, id: string): string {
  return byKey[lang].get(`${family}_${id}`) ?? id;
}

/** Like labelOf, but null when the dictionary has no such key. */
export function labelOrNull(lang: Lang, family: string, id: string): string | null {
  return byKey[lang].get(`${family}_${id}`) ?? null;
}
