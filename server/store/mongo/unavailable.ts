/**
 * Maps the driver's "cannot reach the server" errors to StoreUnavailableError (503 with a retry
 * hint), so a request while the database is down says so instead of a 500, and the answer names no
 * address: the driver's messages ("connect ECONNREFUSED 127.0.0.1:27017") stay in the cause, which
 * the error handler logs for the operator. Any other error passes through unchanged.
 *
 * @example await reachable(() => collection.findOne({ _id: id }));
 */
import mongoose from 'mongoose';
import { StoreUnavailableError } from '../../errors.js';

const { mongo } = mongoose;

/** Errors that mean the server could not be reached or the connection is gone, not a bad request. */
const UNREACHABLE = [
  mongo.MongoNetworkError,
  mongo.MongoServerSelectionError,
  mongo.MongoTopologyClosedError,
  mongo.MongoNotConnectedError,
  mongo.MongoClientClosedError,
  mongo.MongoServerClosedError,
] as const;

export function unreachable(error: unknown): boolean {
  return UNREACHABLE.some((kind) => error instanceof kind);
}

/** The refusal for a request made while the database does not answer, the driver's error as cause. */
export function storeUnavailable(cause: unknown): StoreUnavailableError {
  const error = new StoreUnavailableError(
    '数据库暂时无法访问，请稍后再试 the database does not answer; try again shortly',
  );
  error.cause = cause;
  return error;
}

/** Runs a database operation, turning "cannot reach the server" into StoreUnavailableError. */
export async function reachable<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (unreachable(error)) throw storeUnavailable(error);
    throw error;
  }
}
