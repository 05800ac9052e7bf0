/**
 * The source orders the evaluation form offers (issue 15): checked figures first (the default), the
 * street before a third party, the communities' own figures first, and checked figures only. The
 * selected one is the order given (a version starts from its previous version's).
 *
 * @example sourceOrderOptions('street,self', 'en') // the four orders, none selected but the default
 */
import { DEFAULT_SOURCE_ORDER } from '../../domain/data-source.js';
import type { Lang } from '../i18n/lang.js';
import { labelOf } from '../i18n/labels.js';
import type { Option } from './level-options.js';

const ORDERS: readonly (readonly string[])[] = [
  DEFAULT_SOURCE_ORDER,
  ['street', 'third_party', 'self'],
  ['self', 'street', 'third_party'],
  ['third_party', 'street'],
];

export function sourceOrderOptions(selected: string, lang: Lang): Option[] {
  const chosen = selected === '' ? DEFAULT_SOURCE_ORDER.join(',') : selected;
  const known = ORDERS.some((order) => order.join(',') === chosen);
  const orders = known ? ORDERS : [...ORDERS, chosen.split(',')];
  return orders.map((order) => ({
    value: order.join(','),
    label: order.map((source) => labelOf(lang, 'source', source)).join(' › '),
    selected: order.join(',') === chosen,
  }));
}
