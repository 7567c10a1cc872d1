import fs from 'node:fs';
import path from 'node:path';
import type { ApiErrorBody } from '../../services/contracts/errors';
import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENTS_MAX,
  type ResumeAttachment,
  type ResumeAttachmentList,
} from '../../services/contracts/resume-attachments';
import type { Resume } from '../../services/contracts/resume';
import { startTestBackend, type TestBackend } from './mock-fixture';
import { PDF_BYTES, PNG_BYTES, upload } from './mock-resume-helpers';

const DOC_BYTES = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(56).fill(0)]);
const DOCX_BYTES = new Uint8Array(
  Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('....word/document.xml')]),
);
const JPG_BYTES = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...new Array(60).fill(7)]);

describe('mock backend attachment resumes', () => {
  let backend: TestBackend;
  let token: string;
  const attachmentsDir = () => path.join(path.dirname(backend.server.dbPath), 'attachments');

  beforeAll(async () => {
    backend = await startTestBackend();
    token = (await backend.login('attachments')).accessToken;
  });
  afterAll(() => backend.close());

  const list = async (as = token) =>
    (await backend.request<ResumeAttachmentList>('GET', '/resume/attachments', { token: as })).body.items;

  it('accepts pdf, doc, docx, jpg and png checked by extension and content, stored next to the database', async () => {
    const files: [string, Uint8Array, string][] = [
      ['张三-简历.pdf', PDF_BYTES, 'application/pdf'],
      ['resume.doc', DOC_BYTES, 'application/msword'],
      ['resume.DOCX', DOCX_BYTES, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['photo.jpg', JPG_BYTES, 'image/jpeg'],
      ['scan.png', PNG_BYTES, 'image/png'],
    ];
    for (const [name, bytes, mimeType] of files) {
      const response = await upload<ResumeAttachment>(backend, token, { name, bytes });
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        id: expect.stringMatching(/^\d+$/),
        fileName: name,
        sizeBytes: bytes.length,
        mimeType,
        uploadedAt: expect.any(String),
      });
    }
    expect(await list()).toHaveLength(5);
    expect(fs.readdirSync(attachmentsDir())).toHaveLength(5);
    const resume = (await backend.request<Resume>('GET', '/resume', { token })).body;
    expect(resume.attachments.map((a) => a.fileName)[0]).toBe('scan.png');
  });

  it('refuses a sixth attachment with a clear 409, then accepts after a delete', async () => {
    expect(ATTACHMENTS_MAX).toBe(5);
    const sixth = await upload<ApiErrorBody>(backend, token, { name: 'more.pdf', bytes: PDF_BYTES });
    expect(sixth.status).toBe(409);
    expect(sixth.body.error.message).toContain('最多5份');
    const [newest] = await list();
    const deleted = await backend.request<ResumeAttachmentList>('DELETE', `/resume/attachments/${newest.id}`, {
      token,
    });
    expect(deleted.status).toBe(200);
    expect(deleted.body.items.map((a) => a.id)).not.toContain(newest.id);
    expect(fs.readdirSync(attachmentsDir())).toHaveLength(4);
    expect((await backend.request('DELETE', `/resume/attachments/${newest.id}`, { token })).status).toBe(404);
  });

  it('uses the display name from formData when my.uploadFile sends a temporary file name', async () => {
    const response = await upload<ResumeAttachment>(
      backend,
      token,
      { name: 'tmp_8f3a2b.png', bytes: PNG_BYTES },
      { fileName: '我的证书.png' },
    );
    expect(response.status).toBe(201);
    expect(response.body.fileName).toBe('我的证书.png');
  });

  type BadUpload = [label: string, file: { name: string; bytes: Uint8Array } | undefined, status: number, text: string];
  const badUploads: BadUpload[] = [
    ['an executable renamed to .exe', { name: 'virus.exe', bytes: new Uint8Array([0x4d, 0x5a, 0, 0]) }, 400, '仅支持'],
    ['a PNG named .pdf', { name: 'resume.pdf', bytes: PNG_BYTES }, 400, '不是有效的PDF'],
    ['a text file named .docx', { name: 'resume.docx', bytes: new Uint8Array(Buffer.from('hello')) }, 400, 'DOCX'],
    ['a file without extension', { name: 'resume', bytes: PDF_BYTES }, 400, '仅支持'],
    ['an empty file', { name: 'empty.pdf', bytes: new Uint8Array(0) }, 400, '空文件'],
    ['no file at all', undefined, 400, '请选择'],
  ];

  it.each(badUploads)('refuses %s naming `file`, storing nothing', async (_label, file, status, text) => {
    const before = await list();
    const files = fs.readdirSync(attachmentsDir()).length;
    const response = await upload<ApiErrorBody>(backend, token, file);
    expect(response.status).toBe(status);
    expect(response.body.error.fields?.[0]).toEqual({ path: 'file', message: expect.stringContaining(text) });
    expect(await list()).toEqual(before);
    expect(fs.readdirSync(attachmentsDir())).toHaveLength(files);
  });

  it('refuses a file over 10 MB with 413 naming `file`', async () => {
    const big = new Uint8Array(ATTACHMENT_MAX_BYTES + 1);
    big.set(PDF_BYTES.subarray(0, 5));
    const before = await list();
    const response = await upload<ApiErrorBody>(backend, token, { name: 'big.pdf', bytes: big });
    expect(response.status).toBe(413);
    expect(response.body.error.fields).toEqual([{ path: 'file', message: '附件简历不能超过10MB' }]);
    expect(await list()).toEqual(before);
  });

  it('refuses a JSON body where a multipart upload belongs', async () => {
    const response = await backend.request<ApiErrorBody>('POST', '/resume/attachments', { token, body: { file: 'x' } });
    expect(response.status).toBe(400);
    expect(response.body.error.fields?.[0].path).toBe('file');
  });

  it('never shows or deletes another seeker’s attachments', async () => {
    const [mine] = await list();
    const other = (await backend.login('attachments-other')).accessToken;
    expect(await list(other)).toEqual([]);
    expect((await backend.request('DELETE', `/resume/attachments/${mine.id}`, { token: other })).status).toBe(404);
    expect((await list()).map((a) => a.id)).toContain(mine.id);
    expect((await upload(backend, '', { name: 'x.pdf', bytes: PDF_BYTES })).status).toBe(401);
  });
});
