/**
 * A survey respondent as the parsers read it and the store keeps it: the unit they live in, the
 * period of the survey, their answer (a scale value) to each item they answered — an unanswered
 * item is simply absent — and their design weight (1 when the file gives none). Nothing else about
 * a respondent is kept: no name, no identity number, no address.
 */
export interface ResponseRow {
  readonly unit: string;
  readonly period: string;
  readonly answers: Readonly<Record<string, number>>;
  readonly weight: number;
}
