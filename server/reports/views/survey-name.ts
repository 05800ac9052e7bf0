/**
 * The display name of a survey indicator from the evaluation's frozen framework snapshot (its
 * `surveys` definitions), the id when the snapshot does not name it.
 *
 * @example surveyName(context, 'satisfaction_share', 'en') === "Residents' satisfaction (share satisfied or very satisfied)"
 */
import type { ReportContext } from '../context/report-context.js';
import type { Lang } from '../i18n/lang.js';
import { pick } from '../i18n/pick.js';

interface Named {
  readonly id: string;
  readonly name: { readonly zh: string; readonly en: string };
}

function isNamed(value: unknown): value is Named {
  if (typeof value !== 'object' || value === null) return false;
  const { id, name } = value as { id?: unknown; name?: unknown };
  if (typeof id !== 'string' || typeof name !== 'object' || name === null) return false;
  const { zh, en } = name as { zh?: unknown; en?: unknown };
  return typeof zh === 'string' && typeof en === 'string';
}

export function surveyName(context: ReportContext, id: string, lang: Lang): string {
  const names = context.memo('surveyNames', () => {
    const definition = context.evaluation.framework.definition as { surveys?: unknown } | null;
    const surveys = Array.isArray(definition?.surveys) ? (definition.surveys as unknown[]) : [];
    return new Map(surveys.filter(isNamed).map((s) => [s.id, s.name] as const));
  });
  const name = names.get(id);
  return name === undefined ? id : pick(name, lang);
}
