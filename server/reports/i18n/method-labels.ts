/**
 * The dictionary's method labels (`m_<stage>_<method>`) and one-line explanations
 * (`mx_<stage>_<method>`), taken from what each engine method declares beside its code, so a new
 * method brings its own labels.
 *
 * @example METHOD_LABELS.m_weighting_entropy.zh === '熵权法'
 */
import { METHODS, stageDeclarations, type MethodName, type Stage } from '../../engine/method-names.js';
import type { BilingualText } from './pick.js';

type MethodKey<Prefix extends string> = { [S in Stage]: `${Prefix}_${S}_${MethodName<S>}` }[Stage];

function labelsBy<Prefix extends string>(
  prefix: Prefix,
  pick: (declaration: ReturnType<typeof stageDeclarations>[number]) => BilingualText,
): Readonly<Record<MethodKey<Prefix>, BilingualText>> {
  const entries = (Object.keys(METHODS) as Stage[]).flatMap((stage) =>
    stageDeclarations(stage).map((declaration) => [
      `${prefix}_${stage}_${declaration.name}`,
      pick(declaration),
    ]),
  );
  // Every key is `<prefix>_<stage>_<method>` for a declared method: exactly MethodKey<Prefix>.
  return Object.fromEntries(entries) as Record<MethodKey<Prefix>, BilingualText>;
}

export const METHOD_LABELS = labelsBy('m', (declaration) => declaration.label);
export const METHOD_EXPLANATIONS = labelsBy('mx', (declaration) => declaration.explain);
