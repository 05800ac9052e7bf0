/**
 * Test helper: the error a promise rejects with; fails the test when it resolves instead.
 *
 * @example expect(await rejection(store.append(x))).to.be.instanceOf(ConflictError);
 */
export async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}
