/**
 * A JSON value as the store keeps it and the reports read it: no functions, no undefined, no NaN.
 * Shared by the store, the use cases and the view models, so none of them owns it.
 */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
