/**
 * The bytes of a binary field as a lean read gives them: a bson Binary (or a Buffer, by driver). A Binary's buffer
 * may be longer than its content: `position` is where the content ends. `what` names the field in the error.
 */
export function bytesOfBinary(data: unknown, what: string): Buffer {
  if (Buffer.isBuffer(data)) return data;
  const binary = data as { buffer?: Uint8Array; position?: number };
  if (binary.buffer instanceof Uint8Array)
    return Buffer.from(binary.buffer.subarray(0, binary.position ?? binary.buffer.byteLength));
  throw new Error(`${what} holds no bytes`);
}
