/**
 * Columns in shared memory, so that the engine's helper threads read and write them in place. A
 * column already on a SharedArrayBuffer is used as it is; any other is copied once.
 *
 * @example const column = sharedCopy(values); // Float64Array on a SharedArrayBuffer, same numbers
 */
export function sharedFloat64(length: number): Float64Array {
  return new Float64Array(new SharedArrayBuffer(length * Float64Array.BYTES_PER_ELEMENT));
}

export function sharedUint8(length: number): Uint8Array {
  return new Uint8Array(new SharedArrayBuffer(length));
}

export function sharedUint32(length: number): Uint32Array {
  return new Uint32Array(new SharedArrayBuffer(length * Uint32Array.BYTES_PER_ELEMENT));
}

export function isShared(array: ArrayBufferView): boolean {
  return array.buffer instanceof SharedArrayBuffer;
}

/** The same numbers on shared memory (the column itself when it already is). */
export function sharedCopy<T extends Float64Array | Uint8Array | Uint32Array>(array: T): T {
  return isShared(array) ? array : writableCopy(array, true);
}

/** A new copy the caller may write into: on shared memory when `shared` (sharedCopy may return the column itself). */
export function writableCopy<T extends Float64Array | Uint8Array | Uint32Array>(
  array: T,
  shared: boolean,
): T {
  if (!shared) return array.slice() as T;
  const copy = new (array.constructor as new (buffer: SharedArrayBuffer) => T)(
    new SharedArrayBuffer(array.byteLength),
  );
  copy.set(array);
  return copy;
}

let outputsShared = false;

/**
 * Runs `make` with the columns it makes through outputFloat64/outputUint8 on shared memory: a task of
 * the engine's threads whose method makes its own result columns hands them over without a copy.
 */
export function withSharedOutputs<T>(make: () => T): T {
  const before = outputsShared;
  outputsShared = true;
  try {
    return make();
  } finally {
    outputsShared = before;
  }
}

/** A method's new result column: on shared memory inside withSharedOutputs. */
export function outputFloat64(length: number): Float64Array {
  return outputsShared ? sharedFloat64(length) : new Float64Array(length);
}

export function outputUint8(length: number): Uint8Array {
  return outputsShared ? sharedUint8(length) : new Uint8Array(length);
}
