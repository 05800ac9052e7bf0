/**
 * The form that downloads a framework's data template, blank or prefilled with the communities
 * under a district or street and, for readers of data, the last period's values (GET
 * /indicators/template, services/data-template.ts). Shown on the catalogue and import pages.
 */
import type { Registry } from '../../indicators/registry-types.js';
import { fill } from '../i18n/fill.js';
import { labelOf, labelsFor } from '../i18n/labels.js';
import type { Lang } from '../i18n/lang.js';
import { pick } from '../i18n/pick.js';
import type { Option } from './level-options.js';

/** What the form may offer the reader (services/data-template.ts templateChoices). */
export interface TemplateFormChoices {
  readonly units: readonly {
    readonly code: string;
    readonly level: string;
    readonly name: { readonly zh: string; readonly en: string };
  }[];
  readonly latestPeriod: string | null;
}

export interface TemplateFormView {
  readonly action: string;
  readonly frameworks: readonly Option[];
  readonly formats: readonly Option[];
  readonly units: readonly Option[];
  /** The checkbox for last period's values; null when the reader may not read values or none are stored. */
  readonly values: { readonly period: string; readonly label: string } | null;
}

export function templateFormView(
  registry: Registry,
  shownId: string,
  choices: TemplateFormChoices,
  lang: Lang,
): TemplateFormView {
  const t = labelsFor(lang);
  return {
    action: '/indicators/template',
    frameworks: [...registry.frameworks.values()].map((f) => ({
      value: f.definition.id,
      label: `${pick(f.definition.name, lang)} (${f.definition.id})`,
      selected: f.definition.id === shownId,
    })),
    formats: [
      { value: 'xlsx', label: 'XLSX', selected: true },
      { value: 'csv', label: 'CSV', selected: false },
    ],
    units: [
      { value: '', label: t.templateFormBlank, selected: true },
      ...choices.units.map((u) => ({
        value: u.code,
        label: `${pick(u.name, lang)} · ${labelOf(lang, 'level', u.level)} ${u.code}`,
        selected: false,
      })),
    ],
    values:
      choices.latestPeriod === null
        ? null
        : {
            period: choices.latestPeriod,
            label: fill(t.templateFormValues, { period: choices.latestPeriod }),
          },
  };
}
