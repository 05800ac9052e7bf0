/**
 * Text in both languages a page can show, as every domain record carries it.
 */
export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}
