/**
 * Low-level GGUF v3 encoding: metadata values, tensor infos and alignment. Only the subset a
 * llama-architecture test model needs. Layout reference: the GGUF specification in ggml's docs.
 */

/** GGUF metadata value type ids. */
export const GgufValueType = {
  uint32: 4,
  int32: 5,
  float32: 6,
  bool: 7,
  string: 8,
  array: 9,
  uint64: 10,
} as const;

/** GGML tensor element types used here. */
export const GgmlType = { f32: 0, f16: 1 } as const;
export type GgmlTypeId = (typeof GgmlType)[keyof typeof GgmlType];

export type GgufValue =
  | { type: 'uint32'; value: number }
  | { type: 'int32'; value: number }
  | { type: 'float32'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'string'; value: string }
  | { type: 'string[]'; value: readonly string[] }
  | { type: 'float32[]'; value: readonly number[] }
  | { type: 'int32[]'; value: readonly number[] };

export interface GgufTensorInfo {
  name: string;
  /** ne0-first, as GGUF stores them. */
  dims: readonly number[];
  type: GgmlTypeId;
}

/** Appends little-endian binary values to a growing list of buffers. */
export class ByteSink {
  readonly chunks: Buffer[] = [];
  length = 0;

  private push(buffer: Buffer): void {
    this.chunks.push(buffer);
    this.length += buffer.length;
  }

  u32(value: number): void {
    const buffer = Buffer.alloc(4);
    buffer.writeUInt32LE(value);
    this.push(buffer);
  }

  i32(value: number): void {
    const buffer = Buffer.alloc(4);
    buffer.writeInt32LE(value);
    this.push(buffer);
  }

  u64(value: number): void {
    const buffer = Buffer.alloc(8);
    buffer.writeBigUInt64LE(BigInt(value));
    this.push(buffer);
  }

  f32(value: number): void {
    const buffer = Buffer.alloc(4);
    buffer.writeFloatLE(value);
    this.push(buffer);
  }

  string(value: string): void {
    const bytes = Buffer.from(value, 'utf8');
    this.u64(bytes.length);
    this.push(bytes);
  }

  bytes(buffer: Buffer): void {
    this.push(buffer);
  }

  toBuffer(): Buffer {
    return Buffer.concat(this.chunks, this.length);
  }
}

function writeValue(sink: ByteSink, value: GgufValue): void {
  switch (value.type) {
    case 'uint32':
      sink.u32(GgufValueType.uint32);
      sink.u32(value.value);
      return;
    case 'int32':
      sink.u32(GgufValueType.int32);
      sink.i32(value.value);
      return;
    case 'float32':
      sink.u32(GgufValueType.float32);
      sink.f32(value.value);
      return;
    case 'bool':
      sink.u32(GgufValueType.bool);
      sink.bytes(Buffer.from([value.value ? 1 : 0]));
      return;
    case 'string':
      sink.u32(GgufValueType.string);
      sink.string(value.value);
      return;
    case 'string[]':
      sink.u32(GgufValueType.array);
      sink.u32(GgufValueType.string);
      sink.u64(value.value.length);
      for (const item of value.value) sink.string(item);
      return;
    case 'float32[]':
      sink.u32(GgufValueType.array);
      sink.u32(GgufValueType.float32);
      sink.u64(value.value.length);
      for (const item of value.value) sink.f32(item);
      return;
    case 'int32[]':
      sink.u32(GgufValueType.array);
      sink.u32(GgufValueType.int32);
      sink.u64(value.value.length);
      for (const item of value.value) sink.i32(item);
      return;
  }
}

/** Bytes one tensor's data takes, before alignment padding. */
export function tensorByteLength(tensor: GgufTensorInfo): number {
  const elements = tensor.dims.reduce((product, dim) => product * dim, 1);
  return elements * (tensor.type === GgmlType.f16 ? 2 : 4);
}

/** Rounds `offset` up to a multiple of `alignment`. */
export function alignTo(offset: number, alignment: number): number {
  return Math.ceil(offset / alignment) * alignment;
}

/**
 * Encodes the header (magic, version, metadata, tensor infos) padded to `alignment`, and returns
 * each tensor's offset inside the data section that follows.
 */
export function encodeGgufHeader(
  metadata: ReadonlyArray<readonly [string, GgufValue]>,
  tensors: readonly GgufTensorInfo[],
  alignment: number,
): { header: Buffer; offsets: number[]; dataBytes: number } {
  const sink = new ByteSink();
  sink.bytes(Buffer.from('GGUF', 'ascii'));
  sink.u32(3);
  sink.u64(tensors.length);
  sink.u64(metadata.length);
  for (const [key, value] of metadata) {
    sink.string(key);
    writeValue(sink, value);
  }
  const offsets: number[] = [];
  let dataOffset = 0;
  for (const tensor of tensors) {
    sink.string(tensor.name);
    sink.u32(tensor.dims.length);
    for (const dim of tensor.dims) sink.u64(dim);
    sink.u32(tensor.type);
    sink.u64(dataOffset);
    offsets.push(dataOffset);
    dataOffset = alignTo(dataOffset + tensorByteLength(tensor), alignment);
  }
  const padding = alignTo(sink.length, alignment) - sink.length;
  sink.bytes(Buffer.alloc(padding));
  return { header: sink.toBuffer(), offsets, dataBytes: dataOffset };
}

function halfBitsOf(bits: number): number {
  const sign = (bits >>> 16) & 0x8000;
  const exponent = ((bits >>> 23) & 0xff) - 127 + 15;
  const mantissa = bits & 0x7fffff;
  if (exponent <= 0) return sign; // underflow to signed zero
  if (exponent >= 31) return sign | 0x7c00; // overflow to infinity
  const rounded = (exponent << 10) | ((mantissa + 0x1000) >>> 13);
  return sign | Math.min(rounded, 0x7bff);
}

/** IEEE half-precision bits for a float (round to nearest; fine for small random weights). */
export function toFloat16Bits(value: number): number {
  return halfBitsOf(new Uint32Array(new Float32Array([value]).buffer)[0] ?? 0);
}

/** Converts floats to little-endian half-precision bytes in one pass. */
export function encodeFloat16(values: Float32Array): Buffer {
  const bits = new Uint32Array(values.buffer, values.byteOffset, values.length);
  const halves = new Uint16Array(values.length);
  for (let index = 0; index < values.length; index += 1) halves[index] = halfBitsOf(bits[index] ?? 0);
  return Buffer.from(halves.buffer, halves.byteOffset, halves.byteLength);
}
