import { randomUUID } from 'node:crypto';
import type { FileStore, StoredFile } from '../../chat/file-store.js';
import type { OrgId } from '../../core/shared/ids.js';
import { bytesOfBinary } from '../binary-bytes.js';
import type { Models } from '../models.js';

/** GridFS's default chunk size: well under the wire server's and MongoDB's document limits. */
export const FILE_CHUNK_BYTES = 255 * 1024;

/** The file store in the database (exportfiles + exportfilechunks), readable by every instance. */
export function mongoFileStore(models: Pick<Models, 'ExportFile' | 'ExportFileChunk'>): FileStore {
  return {
    async save(orgId, file, expiresAt) {
      const id = file.id ?? randomUUID();
      const bytes = Buffer.from(file.bytes);
      const chunks = Math.max(1, Math.ceil(bytes.byteLength / FILE_CHUNK_BYTES));
      // Upserts keyed by (fileId, n): a rerun that writes the same id replaces the pieces, never doubles them.
      await models.ExportFileChunk.bulkWrite(
        Array.from({ length: chunks }, (_, n) => ({
          updateOne: {
            filter: { fileId: id, n },
            update: {
              $set: {
                data: bytes.subarray(n * FILE_CHUNK_BYTES, (n + 1) * FILE_CHUNK_BYTES),
                expiresAt,
              },
            },
            upsert: true,
          },
        })),
      );
      // Last: the file exists for readers only once every chunk is there.
      // Replaced whole: a rerun's file may have fewer chunks than the first run's.
      await models.ExportFile.deleteOne({ _id: id });
      await models.ExportFile.create({
        _id: id,
        orgId,
        name: file.name,
        mime: file.mime,
        size: bytes.byteLength,
        chunks,
        expiresAt,
      });
      return id;
    },

    async load(orgId, id, now) {
      const meta = await models.ExportFile.findOne({ _id: id, orgId, expiresAt: { $gt: now } }).lean();
      if (!meta) return undefined;
      const docs = await models.ExportFileChunk.find({ fileId: id, n: { $lt: meta.chunks } })
        .sort({ n: 1 })
        .lean();
      if (docs.length !== meta.chunks) return undefined;
      const bytes = Buffer.concat(docs.map((d) => bytesOfBinary(d.data, 'export file chunk')));
      if (bytes.byteLength !== meta.size) return undefined;
      const stored: StoredFile = {
        id,
        orgId: meta.orgId as OrgId,
        name: meta.name,
        mime: meta.mime,
        bytes: new Uint8Array(bytes),
        expiresAt: meta.expiresAt,
      };
      return stored;
    },
  };
}
