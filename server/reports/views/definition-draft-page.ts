/**
 * The view models of the researcher's workbench: the list of one's definition drafts with the
 * forms that start a new one, and a draft's editor — each changed file as a form of its common
 * fields beside its JSON text (both post to the same file), the forms that add a file, the check
 * of the whole draft (every problem with its file and field, linked to the field, in both
 * languages; every fixture) and the impact preview. Formats only.
 */
import type { DefinitionDraft } from '../../domain/definition-draft.js';
import type { CatalogueDraftCheck } from '../../indicators/check-catalogue-draft.js';
import {
  FORM_FIELDS,
  FORM_LISTS,
  fieldText,
  valueAt,
  type FieldType,
} from '../../indicators/definition-form.js';
import type { DefinitionKind } from '../../indicators/definitions.js';
import { parseJsonText } from '../../indicators/json-text.js';
import type { Problem } from '../../indicators/problem.js';
import { describeOutcome } from '../../indicators/run-fixtures.js';
import { fill } from '../i18n/fill.js';
import type { Lang } from '../i18n/lang.js';
import { labelsFor, type Labels } from '../i18n/labels.js';
import { pageChrome, type Chrome } from './chrome.js';
import type { DefinitionPreviewView } from './definition-preview-view.js';
import { draftProblemText } from './draft-problem-text.js';
import { withFields } from './with-fields.js';

export interface Choice {
  readonly value: string;
  readonly label: string;
  readonly selected: boolean;
}

export interface StartForms {
  readonly action: string;
  /** Shown on the list page only: a new draft needs a title. */
  readonly withTitle: boolean;
  readonly dimensions: readonly Choice[];
  readonly targets: readonly Choice[];
  readonly definitions: readonly Choice[];
}

export interface DraftRow {
  readonly title: string;
  readonly href: string;
  readonly files: string;
  readonly basedOn: number;
  readonly updatedAt: string;
}

export interface DefinitionDraftsPage extends Chrome {
  readonly heading: string;
  /** After a publication: which catalogue version it made. */
  readonly published: string | null;
  readonly drafts: readonly DraftRow[];
  readonly start: StartForms;
}

interface Catalogue {
  readonly dimensions: readonly string[];
  /** "kind:id" of every definition that can be revised, with its label. */
  readonly definitions: readonly {
    readonly kind: DefinitionKind;
    readonly id: string;
    readonly label: string;
  }[];
}

function startForms(t: Labels, action: string, withTitle: boolean, catalogue: Catalogue): StartForms {
  return {
    action,
    withTitle,
    dimensions: catalogue.dimensions.map((id) => ({ value: id, label: id, selected: false })),
    targets: (['indicator', 'dimension', 'framework'] as const).map((kind) => ({
      value: kind,
      label: t[`defsKind_${kind}`],
      selected: false,
    })),
    definitions: catalogue.definitions.map((definition) => ({
      value: `${definition.kind}:${definition.id}`,
      label: `${t[`defsKind_${definition.kind}`]} · ${definition.label}`,
      selected: false,
    })),
  };
}

export function definitionDraftsPage(
  lang: Lang,
  drafts: readonly DefinitionDraft[],
  catalogue: Catalogue,
  published: number | null = null,
): DefinitionDraftsPage {
  const t = labelsFor(lang);
  return withFields(
    pageChrome(lang, {
      path: '/definitions/drafts',
      query: {},
      title: t.defsTitle,
      section: 'indicators',
    }),
    {
      heading: t.defsTitle,
      published: published === null ? null : fill(t.defsPublished, { version: String(published) }),
      drafts: drafts.map((draft) => ({
        title: draft.title,
        href: `/definitions/drafts/${encodeURIComponent(draft.id)}`,
        files: draft.changes.map((change) => change.file).join(', '),
        basedOn: draft.basedOn,
        updatedAt: draft.updatedAt.slice(0, 16).replace('T', ' '),
      })),
      start: startForms(t, '/definitions/drafts', true, catalogue),
    },
  );
}

export interface FieldView {
  readonly id: string;
  readonly name: string;
  readonly pointer: string;
  readonly type: FieldType;
  readonly label: string;
  readonly value: string;
  readonly textarea: boolean;
  readonly direction: readonly Choice[] | null;
}

export interface ListView {
  readonly label: string;
  readonly rows: readonly {
    readonly idName: string;
    readonly idId: string;
    readonly id: string;
    readonly weightName: string;
    readonly weight: string;
  }[];
}

export interface FileView {
  readonly index: number;
  readonly file: string;
  readonly anchor: string;
  readonly jsonId: string;
  readonly kind: string;
  readonly removed: boolean;
  readonly fields: readonly FieldView[];
  readonly lists: readonly ListView[];
  readonly text: string;
  readonly action: string;
  readonly dropAction: string;
}

export interface ProblemView {
  readonly file: string;
  readonly field: string;
  readonly fieldHref: string;
  readonly message: string;
  readonly other: string;
  readonly expected: string;
  readonly found: string;
}

export interface CheckView {
  readonly ok: boolean;
  readonly summary: string;
  readonly problems: readonly ProblemView[];
  readonly fixtures: readonly {
    readonly indicator: string;
    readonly name: string;
    readonly expected: string;
    readonly computed: string;
    readonly ok: boolean;
    readonly result: string;
  }[];
}

export interface PreviewForm {
  readonly action: string;
  readonly frameworks: readonly Choice[];
  readonly evaluations: readonly Choice[];
}

export interface DefinitionDraftPage extends Chrome {
  readonly heading: string;
  readonly basedOn: string;
  readonly stale: string | null;
  readonly notice: string | null;
  readonly files: readonly FileView[];
  readonly empty: boolean;
  readonly add: StartForms;
  readonly check: CheckView;
  readonly previewForm: PreviewForm | null;
  readonly preview: DefinitionPreviewView | null;
  /** The publish form's action when the draft checks clean on the catalogue it is based on. */
  readonly publishAction: string | null;
  readonly publishNote: string | null;
  readonly deleteAction: string;
}

function slug(pointer: string): string {
  return pointer.replace(/[^A-Za-z0-9]+/g, '-');
}

function fieldId(index: number, pointer: string): string {
  return `f${index}${slug(pointer)}`;
}

function fieldLabel(t: Labels, pointer: string): string {
  const key = `fld_${pointer.slice(1).replaceAll('/', '_')}`;
  return key in t ? t[key as keyof Labels] : pointer;
}

function kindOf(text: string | null): DefinitionKind | undefined {
  if (text === null) return undefined;
  const parsed = parseJsonText(text);
  const kind =
    parsed.ok && parsed.value !== null && typeof parsed.value === 'object'
      ? (parsed.value as Record<string, unknown>).kind
      : undefined;
  return kind === 'indicator' || kind === 'dimension' || kind === 'framework' ? kind : undefined;
}

function fileView(t: Labels, draftId: string, index: number, file: string, text: string | null): FileView {
  const kind = kindOf(text);
  const parsed = text === null ? undefined : parseJsonText(text);
  const value = parsed?.ok === true ? parsed.value : undefined;
  const base = `/definitions/drafts/${encodeURIComponent(draftId)}/files/${index}`;
  const fields = (kind === undefined ? [] : FORM_FIELDS[kind]).map((field) => {
    const current = fieldText(field.type, valueAt(value, field.pointer));
    return {
      id: fieldId(index, field.pointer),
      name: field.pointer,
      pointer: field.pointer,
      type: field.type,
      label: fieldLabel(t, field.pointer),
      value: current,
      textarea: field.type === 'textarea' || field.type === 'json',
      direction:
        field.type === 'direction'
          ? (['higher', 'lower'] as const).map((option) => ({
              value: option,
              label: t[`fld_direction_${option}`],
              selected: current === option,
            }))
          : null,
    };
  });
  const lists = (kind === undefined ? [] : FORM_LISTS[kind]).map((list) => {
    const members = valueAt(value, list.pointer);
    const rows = [...(Array.isArray(members) ? (members as unknown[]) : []), {}].map((member: unknown, n) => {
      const idName = `${list.pointer}/${n}/id`;
      return {
        idName,
        idId: fieldId(index, idName),
        id: fieldText('text', valueAt(member, '/id')),
        weightName: `${list.pointer}/${n}/weight`,
        weight: fieldText('number', valueAt(member, '/weight')),
      };
    });
    return { label: fieldLabel(t, list.pointer), rows };
  });
  return {
    index,
    file,
    anchor: `file-${index}`,
    jsonId: `json-${index}`,
    kind: kind === undefined ? '' : t[`defsKind_${kind}`],
    removed: text === null,
    fields,
    lists,
    text: text ?? '',
    action: base,
    dropAction: `${base}/drop`,
  };
}

/** The id of the form field a problem belongs to: the longest field pointer it starts with, else the JSON. */
function problemField(files: readonly FileView[], problem: Problem): { href: string; label: string } {
  const file = files.find((candidate) => candidate.file === problem.file);
  if (file === undefined) return { href: '', label: problem.pointer };
  const ids = [
    ...file.fields.map((field) => ({ pointer: field.pointer, id: field.id, label: field.label })),
    ...file.lists.flatMap((list) =>
      list.rows.map((row) => ({ pointer: row.idName.replace(/\/id$/, ''), id: row.idId, label: list.label })),
    ),
  ];
  const match = ids
    .filter((field) => problem.pointer === field.pointer || problem.pointer.startsWith(`${field.pointer}/`))
    .sort((a, b) => b.pointer.length - a.pointer.length)[0];
  return match === undefined
    ? { href: `#${file.jsonId}`, label: '' }
    : { href: `#${match.id}`, label: match.label };
}

function checkView(t: Labels, lang: Lang, files: readonly FileView[], check: CatalogueDraftCheck): CheckView {
  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  return {
    ok: check.ok,
    summary: check.ok
      ? fill(t.defsCheckOk, { fixtures: String(check.fixtures.length) })
      : fill(t.defsCheckFailed, { count: String(check.problems.length) }),
    problems: check.problems.map((problem) => {
      const said = draftProblemText(problem, lang);
      const field = problemField(files, problem);
      return {
        file: problem.file,
        field: `${problem.pointer === '' ? t.defsWhole : problem.pointer}${field.label === '' ? '' : ` (${field.label})`}`,
        fieldHref: field.href,
        message: said.message,
        other: draftProblemText(problem, other).message,
        expected: said.expected,
        found: said.found,
      };
    }),
    fixtures: check.fixtures.map((fixture) => ({
      indicator: fixture.indicator,
      name: fixture.name,
      expected: describeOutcome(fixture.expected),
      computed: describeOutcome(fixture.computed),
      ok: fixture.ok,
      result: fixture.ok ? t.defsPass : t.defsFail,
    })),
  };
}

export interface DraftPageInput {
  readonly draft: DefinitionDraft;
  readonly check: CatalogueDraftCheck;
  readonly catalogueVersion: number;
  readonly stale: boolean;
  readonly catalogue: Catalogue;
  /** Frameworks of the checked draft (when it checks clean) and evaluations to compare with. */
  readonly frameworks: readonly string[];
  readonly evaluations: readonly { readonly id: string; readonly title: string }[];
  readonly selected: { readonly framework?: string; readonly evaluation?: string };
  readonly preview: DefinitionPreviewView | null;
  readonly notice: string | null;
}

export function definitionDraftPage(lang: Lang, input: DraftPageInput): DefinitionDraftPage {
  const t = labelsFor(lang);
  const { draft } = input;
  const path = `/definitions/drafts/${encodeURIComponent(draft.id)}`;
  const files = draft.changes.map((change, index) => fileView(t, draft.id, index, change.file, change.text));
  const heading = fill(t.defsEditorTitle, { title: draft.title });
  const chosen = (value: string, wanted: string | undefined, first: boolean): boolean =>
    wanted === undefined ? first : value === wanted;
  return withFields(pageChrome(lang, { path, query: {}, title: heading, section: 'indicators' }), {
    heading,
    basedOn: fill(t.defsBasedOn, { version: String(draft.basedOn) }),
    stale: input.stale ? fill(t.defsStale, { version: String(input.catalogueVersion) }) : null,
    notice: input.notice,
    files,
    empty: files.length === 0,
    add: startForms(t, `${path}/files`, false, input.catalogue),
    check: checkView(t, lang, files, input.check),
    previewForm:
      input.check.ok && input.frameworks.length > 0 && input.evaluations.length > 0
        ? {
            action: path,
            frameworks: input.frameworks.map((id, k) => ({
              value: id,
              label: id,
              selected: chosen(id, input.selected.framework, k === 0),
            })),
            evaluations: input.evaluations.map((evaluation, k) => ({
              value: evaluation.id,
              label: evaluation.title,
              selected: chosen(evaluation.id, input.selected.evaluation, k === 0),
            })),
          }
        : null,
    preview: input.preview,
    publishAction: input.check.ok && !input.stale ? `${path}/publish` : null,
    publishNote: input.stale ? t.defsPublishStale : input.check.ok ? null : t.defsPublishNeedsClean,
    deleteAction: `${path}/delete`,
  });
}
