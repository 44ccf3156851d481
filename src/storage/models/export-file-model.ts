import { Schema } from 'mongoose';

/**
 * A stored file's description (an export waiting to be sent as a file message). Written after all its chunks, so
 * a file is visible only once whole: a crash mid-write leaves chunks that nothing reads and the TTL removes.
 */
export type ExportFileDoc = {
  _id: string;
  orgId: string;
  name: string;
  mime: string;
  size: number;
  chunks: number;
  expiresAt: Date;
};

/** One piece of a file's bytes, GridFS-like: a document stays far below MongoDB's 16 MB limit whatever the file. */
export type ExportFileChunkDoc = { fileId: string; n: number; data: Buffer; expiresAt: Date };

export const exportFileSchema = new Schema<ExportFileDoc>(
  {
    _id: { type: String, required: true },
    orgId: { type: String, required: true },
    name: { type: String, required: true },
    mime: { type: String, required: true },
    size: { type: Number, required: true },
    chunks: { type: Number, required: true },
    expiresAt: { type: Date, required: true },
  },
  { collection: 'exportfiles', versionKey: false },
);
// MongoDB removes a file when it expires (the store also refuses an expired one, as the TTL monitor runs each minute).
exportFileSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

export const exportFileChunkSchema = new Schema<ExportFileChunkDoc>(
  {
    fileId: { type: String, required: true },
    n: { type: Number, required: true },
    data: { type: Buffer, required: true },
    expiresAt: { type: Date, required: true },
  },
  { collection: 'exportfilechunks', versionKey: false },
);
// Read in order per file; a rerun writing the same file replaces each chunk in place.
exportFileChunkSchema.index({ fileId: 1, n: 1 }, { unique: true });
exportFileChunkSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });
