/**
 * An observations import's provenance as the doors send it (a query parameter, a form field or a
 * command-line option): the source, checked against the known ones, and the corrected batch with
 * its reason, both or neither. Refused at once, before any job starts, naming the field.
 *
 * @example provenanceOf({ source: 'street', fieldPrefix: 'query.' }) // { source: 'street' }
 */
import { DATA_SOURCES, isDataSource } from '../domain/data-source.js';
import { ValidationError } from '../errors.js';
import type { BatchProvenance } from '../store/import-records.js';

export interface ProvenanceFields {
  readonly source?: string | undefined;
  readonly corrects?: string | undefined;
  readonly reason?: string | undefined;
  readonly fieldPrefix?: string;
}

const filled = (text: string | undefined): string | undefined => {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? undefined : trimmed;
};

export function provenanceOf(fields: ProvenanceFields): BatchProvenance {
  const prefix = fields.fieldPrefix ?? '';
  const source = filled(fields.source);
  if (source !== undefined && !isDataSource(source)) {
    throw new ValidationError(
      {
        en: `source must be one of ${DATA_SOURCES.join(', ')}`,
        zh: `数据来源须为 ${DATA_SOURCES.join('、')} 之一`,
      },
      [{ where: `${prefix}source`, message: `found ${JSON.stringify(source)}` }],
    );
  }
  const corrects = filled(fields.corrects);
  const reason = filled(fields.reason);
  if ((corrects === undefined) !== (reason === undefined)) {
    throw new ValidationError(
      { en: 'a correction names the batch it corrects and why', zh: '更正须同时写明被更正的批次和理由' },
      [
        {
          where: `${prefix}${corrects === undefined ? 'corrects' : 'reason'}`,
          message: 'required with the other',
        },
      ],
    );
  }
  return {
    ...(source === undefined ? {} : { source }),
    ...(corrects === undefined || reason === undefined ? {} : { corrects, correctionReason: reason }),
  };
}
