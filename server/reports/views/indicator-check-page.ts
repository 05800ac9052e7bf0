/**
 * The view model of /indicators/check: the form (the draft's JSON text, kept as typed) and, once a
 * draft was submitted, the outcome — passed or how many problems, whether it is a new indicator
 * or a revision (of which version and file), each problem (JSON pointer, message, expected,
 * found) and each fixture (expected, computed, pass or fail). The draft's name is read from the
 * text only to title the result; templates escape it like every other value.
 */
import type { DraftCheck } from '../../indicators/check-draft.js';
import { parseJsonText } from '../../indicators/json-text.js';
import { describeOutcome } from '../../indicators/run-fixtures.js';
import { fill } from '../i18n/fill.js';
import type { Lang } from '../i18n/lang.js';
import { labelsFor } from '../i18n/labels.js';
import { pick } from '../i18n/pick.js';
import { pageChrome, type Chrome } from './chrome.js';
import { draftProblemText } from './draft-problem-text.js';
import { withFields } from './with-fields.js';

export interface DraftProblemRow {
  readonly where: string;
  readonly message: string;
  readonly expected: string;
  readonly found: string;
}

export interface DraftFixtureRow {
  readonly name: string;
  readonly expected: string;
  readonly computed: string;
  readonly ok: boolean;
  readonly result: string;
}

export interface DraftOutcome {
  readonly ok: boolean;
  readonly summary: string;
  /** The draft's name (or id) as written in it, when it has one. */
  readonly name: string | null;
  readonly kindNote: string;
  readonly problems: readonly DraftProblemRow[];
  readonly fixtures: readonly DraftFixtureRow[];
}

export interface IndicatorCheckPage extends Chrome {
  readonly action: string;
  readonly text: string;
  readonly outcome: DraftOutcome | null;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** The draft's name in the reader's language, else its id, else nothing. */
function draftName(text: string, lang: Lang): string | null {
  const parsed = parseJsonText(text);
  const draft = parsed.ok ? record(parsed.value) : undefined;
  const name = record(draft?.name);
  if (typeof name?.zh === 'string' && typeof name.en === 'string')
    return pick({ zh: name.zh, en: name.en }, lang);
  return typeof draft?.id === 'string' ? draft.id : null;
}

function outcomeOf(text: string, result: DraftCheck, lang: Lang): DraftOutcome {
  const t = labelsFor(lang);
  return {
    ok: result.ok,
    summary: result.ok ? t.draftCheckOk : fill(t.draftCheckFailed, { count: String(result.problems.length) }),
    name: draftName(text, lang),
    kindNote:
      result.revises === undefined
        ? t.draftCheckNew
        : fill(t.draftCheckRevision, {
            id: result.revises.id,
            version: result.revises.version,
            file: result.revises.file,
          }),
    problems: result.problems.map((problem) => ({
      where: problem.where === '' ? t.draftCheckWhole : problem.where,
      ...draftProblemText(problem, lang),
    })),
    fixtures: result.fixtures.map((fixture) => ({
      name: fixture.name,
      expected: describeOutcome(fixture.expected),
      computed: describeOutcome(fixture.computed),
      ok: fixture.ok,
      result: fixture.ok ? t.draftCheckPass : t.draftCheckFail,
    })),
  };
}

export function indicatorCheckPage(lang: Lang, text: string, result: DraftCheck | null): IndicatorCheckPage {
  const t = labelsFor(lang);
  return withFields(
    pageChrome(lang, {
      path: '/indicators/check',
      query: {},
      title: t.draftCheckTitle,
      section: 'indicators',
    }),
    {
      action: '/indicators/check',
      text,
      outcome: result === null ? null : outcomeOf(text, result, lang),
    },
  );
}
