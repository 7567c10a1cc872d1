import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { MultipartFile } from '@fastify/multipart';
import {
  ANSWER_VIDEO_FIELD,
  sniffVideoType,
  VIDEO_TOO_LARGE_MESSAGE,
  WRONG_VIDEO_TYPE_MESSAGE,
  type AnswerVideoMimeType,
} from '../../services/contracts/recorded-interviews';
import { ApiError, invalidInput } from '../http/api-error';
import { YoungGarbageCollector } from './young-garbage';

/** Bytes enough to tell the container: the EBML magic, or the `ftyp` box with its brand. */
const HEAD_BYTES = 12;

export const videoFileError = (message: string) => invalidInput([{ path: ANSWER_VIDEO_FIELD, message }]);
export const videoTooLarge = () =>
  new ApiError(413, 'invalid_input', VIDEO_TOO_LARGE_MESSAGE, [
    { path: ANSWER_VIDEO_FIELD, message: VIDEO_TOO_LARGE_MESSAGE },
  ]);

/**
 * Passes chunks through once the first bytes show a video container; otherwise swallows the rest, so the
 * client still gets an answer rather than a reset connection, and nothing is written.
 */
class VideoSniffer extends Transform {
  private head = Buffer.alloc(0);
  mimeType: AnswerVideoMimeType | null = null;
  refused = false;
  bytes = 0;
  /** The upload's spent buffers are freed as it goes, not after it. */
  private readonly garbage = new YoungGarbageCollector();

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    this.garbage.passed(chunk.length);
    if (this.refused) return callback();
    if (this.mimeType) return callback(null, chunk);
    this.head = Buffer.concat([this.head, chunk]);
    if (this.head.length < HEAD_BYTES) return callback();
    this.mimeType = sniffVideoType(this.head);
    if (!this.mimeType) this.refused = true;
    const held = this.head;
    this.head = Buffer.alloc(0);
    callback(null, this.refused ? undefined : held);
  }

  override _flush(callback: TransformCallback): void {
    // A file shorter than the head is no video.
    if (!this.mimeType && !this.refused) this.refused = true;
    callback();
  }
}

/**
 * Streams an uploaded video part into a temporary file under `dir` (never whole in memory), checking its
 * type by content and its size against the multipart limit. Anything refused leaves no file behind.
 */
export async function receiveVideo(
  part: MultipartFile,
  dir: string,
): Promise<{ tempPath: string; mimeType: AnswerVideoMimeType; sizeBytes: number }> {
  const tempDir = path.join(dir, 'incoming');
  fs.mkdirSync(tempDir, { recursive: true });
  const tempPath = path.join(tempDir, `${randomBytes(12).toString('hex')}.part`);
  const sniffer = new VideoSniffer();
  try {
    await pipeline(part.file, sniffer, fs.createWriteStream(tempPath));
  } catch (error) {
    fs.rmSync(tempPath, { force: true });
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw videoTooLarge();
    throw error;
  }
  if (part.file.truncated) {
    fs.rmSync(tempPath, { force: true });
    throw videoTooLarge();
  }
  if (sniffer.refused || !sniffer.mimeType) {
    fs.rmSync(tempPath, { force: true });
    throw videoFileError(WRONG_VIDEO_TYPE_MESSAGE);
  }
  return { tempPath, mimeType: sniffer.mimeType, sizeBytes: sniffer.bytes };
}
