/**
 * V8's serialisation of a value whose typed arrays are kept apart, each at a multiple of 8 bytes:
 * reading it back makes every typed array a view of the bytes read (no copy), where Node's default
 * deserialiser copies each array its format happens to leave unaligned. The value part holds, in
 * each array's place, its type, where its bytes start in the columns part and how many there are.
 *
 * @example const { value, columns } = encodeSnapshot(sections); decodeSnapshot(value, Buffer.concat(columns))
 */
import { Deserializer, Serializer } from 'node:v8';

/** The typed arrays a snapshot may hold, by the number written in their place (never reorder). */
const VIEW_TYPES = [
  Uint8Array,
  Int8Array,
  Uint16Array,
  Int16Array,
  Uint32Array,
  Int32Array,
  Float32Array,
  Float64Array,
] as const;

const ALIGN = 8;

export const aligned = (bytes: number): number => Math.ceil(bytes / ALIGN) * ALIGN;

/** Node's hooks for host objects, which its type declarations leave out. */
interface HostObjectHooks {
  _setTreatArrayBufferViewsAsHostObjects(flag: boolean): void;
}

class ColumnSerializer extends Serializer {
  readonly columns: Buffer[] = [];
  columnBytes = 0;

  constructor() {
    super();
    (this as unknown as HostObjectHooks)._setTreatArrayBufferViewsAsHostObjects(true);
  }

  _writeHostObject(view: ArrayBufferView): void {
    const type = VIEW_TYPES.findIndex((kind) => view.constructor === kind);
    if (type < 0) throw new Error(`a snapshot cannot hold a ${view.constructor.name}`);
    this.writeUint32(type);
    this.writeDouble(this.columnBytes);
    this.writeDouble(view.byteLength);
    // Empty ones are left out: nothing to write, and zlib's crc32 takes an empty one without memory as a reset.
    if (view.byteLength > 0) this.columns.push(Buffer.from(view.buffer, view.byteOffset, view.byteLength));
    const padding = aligned(view.byteLength) - view.byteLength;
    if (padding > 0) this.columns.push(Buffer.alloc(padding));
    this.columnBytes += view.byteLength + padding;
  }
}

class ColumnDeserializer extends Deserializer {
  constructor(
    value: Buffer,
    private readonly columns: Buffer,
  ) {
    super(value);
  }

  _readHostObject(): ArrayBufferView {
    const Kind = VIEW_TYPES[this.readUint32()];
    const start = this.readDouble();
    const bytes = this.readDouble();
    if (Kind === undefined || !(start >= 0 && bytes >= 0 && start + bytes <= this.columns.length)) {
      throw new Error('a snapshot column outside its data');
    }
    const at = this.columns.byteOffset + start;
    if (at % ALIGN !== 0) throw new Error('a snapshot column off its alignment');
    return new Kind(this.columns.buffer as ArrayBuffer, at, bytes / Kind.BYTES_PER_ELEMENT);
  }
}

/** The value part and the columns part (a list of buffers, each column padded to 8 bytes). */
export function encodeSnapshot(input: unknown): { value: Buffer; columns: Buffer[]; columnBytes: number } {
  const serializer = new ColumnSerializer();
  serializer.writeHeader();
  serializer.writeValue(input);
  return {
    value: serializer.releaseBuffer(),
    columns: serializer.columns,
    columnBytes: serializer.columnBytes,
  };
}

/** The value back; its typed arrays are views of `columns`, which must start at a multiple of 8 bytes. */
export function decodeSnapshot(value: Buffer, columns: Buffer): unknown {
  const deserializer = new ColumnDeserializer(value, columns);
  deserializer.readHeader();
  return deserializer.readValue();
}
