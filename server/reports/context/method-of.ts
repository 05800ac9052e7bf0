/**
 * The method name an evaluation chose for a stage, from the results' resolved choices
 * ({ stage: { method, …params } }); undefined when the stage is absent.
 *
 * @example methodOf({ aggregation: { method: 'geometric' } }, 'aggregation') === 'geometric'
 */
export function methodOf(choices: unknown, stage: string): string | undefined {
  if (typeof choices !== 'object' || choices === null) return undefined;
  const choice = (choices as Record<string, unknown>)[stage];
  if (typeof choice !== 'object' || choice === null) return undefined;
  const method = (choice as Record<string, unknown>).method;
  return typeof method === 'string' ? method : undefined;
}
