/**
 * A long answer video streams to disk without the mock holding on to its spent buffers: the memory taken
 * by buffers stays bounded however long the upload (it grew with the upload before).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { MultipartFile } from '@fastify/multipart';
import { receiveVideo } from '../../mock/recorded-interviews/receive-video';

const CHUNK = 64 * 1024;
const TOTAL = 48 * 1024 * 1024;
const WEBM_HEAD = Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0, 0, 0]);

/** A video part as a socket delivers it: every chunk a fresh buffer. */
function uploadedPart(): MultipartFile {
  let sent = 0;
  const file = new Readable({
    read() {
      if (sent >= TOTAL) return void this.push(null);
      const chunk = Buffer.alloc(CHUNK, 7);
      if (sent === 0) WEBM_HEAD.copy(chunk);
      sent += CHUNK;
      this.push(chunk);
    },
  });
  return { file: Object.assign(file, { truncated: false }) } as unknown as MultipartFile;
}

it('keeps spent buffers bounded while a 48 MB video streams to disk', async () => {
  // As the mock runs (npm run mock, npm run test:unit): the collection needs the flag at startup.
  if (typeof globalThis.gc !== 'function') throw new Error('run jest under node --expose-gc (npm run test:unit)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'receive-video-'));
  try {
    const before = process.memoryUsage().arrayBuffers;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().arrayBuffers)), 1);
    const video = await receiveVideo(uploadedPart(), dir);
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().arrayBuffers);
    expect(video).toMatchObject({ mimeType: 'video/webm', sizeBytes: TOTAL });
    expect(fs.statSync(video.tempPath).size).toBe(TOTAL);
    expect((peak - before) / 1024 / 1024).toBeLessThan(12);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
