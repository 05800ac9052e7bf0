/**
 * The view model of /self: the reader's own self-evaluations (newest first, with their latest index
 * score as stored) and the form that runs a new one over periods they choose. Formats only.
 */
import type { Bilingual } from '../../domain/bilingual.js';
import type { SelfEvaluation } from '../../domain/self-evaluation.js';
import { MISSING, numberFormat } from '../format/number-format.js';
import type { Lang } from '../i18n/lang.js';
import { labelsFor } from '../i18n/labels.js';
import { pick } from '../i18n/pick.js';
import { pageChrome, type Chrome } from './chrome.js';
import { when } from './evaluations-list.js';
import type { FormProblem } from './form-problems.js';
import { href } from './href.js';
import { withFields } from './with-fields.js';

export interface SelfListItem {
  readonly href: string;
  readonly created: string;
  readonly framework: string;
  readonly periods: string;
  readonly score: string;
}

export interface SelfListPage extends Chrome {
  readonly items: readonly SelfListItem[];
  readonly empty: boolean;
  readonly frameworks: readonly { readonly id: string; readonly label: string; readonly selected: boolean }[];
  readonly periods: readonly { readonly id: string; readonly checked: boolean }[];
  readonly canRun: boolean;
  readonly formAction: string;
  readonly problems: readonly FormProblem[];
}

export interface SelfListInput {
  readonly mine: readonly SelfEvaluation[];
  readonly frameworks: ReadonlyMap<string, Bilingual>;
  readonly periods: readonly string[];
  /** Why the last run was refused, shown above the form. */
  readonly problems?: readonly FormProblem[];
}

export function selfListPage(input: SelfListInput, lang: Lang): SelfListPage {
  const t = labelsFor(lang);
  const format = numberFormat(lang);
  const latest = input.periods.slice(-2);
  const preferred = input.frameworks.has('default') ? 'default' : [...input.frameworks.keys()][0];
  return withFields(pageChrome(lang, { path: '/self', query: {}, title: t.selfTitle, section: 'account' }), {
    items: input.mine.map((self) => {
      const index = self.standing.nodes.find((n) => n.id === self.standing.root);
      const score = index?.score.at(-1) ?? null;
      const name = input.frameworks.get(self.framework.id);
      return {
        href: href(`/self/${encodeURIComponent(self.id)}`, lang === 'en' ? { lang } : {}),
        created: when(self.createdAt, lang),
        framework: name === undefined ? self.framework.id : pick(name, lang),
        periods: self.periods.join(t.listSeparator),
        score: score === null ? MISSING : format.score(score),
      };
    }),
    empty: input.mine.length === 0,
    frameworks: [...input.frameworks].map(([id, name]) => ({
      id,
      label: pick(name, lang),
      selected: id === preferred,
    })),
    periods: input.periods.map((id) => ({ id, checked: latest.includes(id) })),
    canRun: input.periods.length > 0 && input.frameworks.size > 0,
    formAction: href('/self', lang === 'en' ? { lang } : {}),
    problems: input.problems ?? [],
  });
}
