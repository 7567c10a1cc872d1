import type { ApplicationDetail } from '../../services/contracts/applications';
import type { Resume, ResumeBasicInput } from '../../services/contracts/resume';
import { encryptPhonePayload } from '../../mock/phone/test-keys';
import type { ApiResponse, TestBackend } from './mock-fixture';

export const BASIC: ResumeBasicInput = {
  name: '张三',
  gender: 'male',
  birthYear: 1995,
  email: 'zhangsan@example.com',
  cityCode: '330100',
  status: 'employed',
};

/** Basic info and an Alipay-verified phone: what an application needs. */
export async function fillApplyEssentials(
  backend: TestBackend,
  token: string,
  phone = '13812345678',
  basic: ResumeBasicInput = BASIC,
): Promise<Resume> {
  const put = await backend.request<Resume>('PUT', '/resume/basic', { token, body: basic });
  if (put.status !== 200) throw new Error(`basic failed: ${JSON.stringify(put.body)}`);
  const phoneAnswer = await backend.request<Resume>('POST', '/resume/phone', {
    token,
    body: { response: encryptPhonePayload(phone) },
  });
  if (phoneAnswer.status !== 200) throw new Error(`phone failed: ${JSON.stringify(phoneAnswer.body)}`);
  return phoneAnswer.body;
}

export interface OpenJob {
  id: string;
  companyId: number;
  hrId: number;
}

/** Open jobs straight from the database, so these tests do not depend on the job search API. */
export function openJobs(backend: TestBackend, count: number, offset = 0): OpenJob[] {
  const rows = backend.server.db
    .prepare("SELECT id, company_id, hr_id FROM jobs WHERE status = 'open' ORDER BY id LIMIT ? OFFSET ?")
    .all(count, offset) as { id: number; company_id: number; hr_id: number }[];
  return rows.map((row) => ({ id: String(row.id), companyId: row.company_id, hrId: row.hr_id }));
}

/** Two open jobs of one company (for hiding a company from the seeker's resume). */
export function twoJobsOfOneCompany(backend: TestBackend): [OpenJob, OpenJob] {
  const company = backend.server.db
    .prepare(
      `SELECT company_id FROM jobs WHERE status = 'open' GROUP BY company_id HAVING count(*) >= 2
       ORDER BY company_id LIMIT 1`,
    )
    .get() as { company_id: number };
  const rows = backend.server.db
    .prepare("SELECT id, company_id, hr_id FROM jobs WHERE status = 'open' AND company_id = ? ORDER BY id LIMIT 2")
    .all(company.company_id) as { id: number; company_id: number; hr_id: number }[];
  const [a, b] = rows.map((row) => ({ id: String(row.id), companyId: row.company_id, hrId: row.hr_id }));
  return [a, b];
}

let keyCounter = 0;
export const newIdempotencyKey = () => `apply-test-${process.pid}-${Date.now()}-${++keyCounter}`;

export function apply<T = ApplicationDetail>(
  backend: TestBackend,
  token: string,
  body: Record<string, unknown>,
  key = newIdempotencyKey(),
): Promise<ApiResponse<T>> {
  return backend.request<T>('POST', '/applications', { token, headers: { 'idempotency-key': key }, body });
}

/** A multipart upload as my.uploadFile sends it: the file in field `file`, extra text fields alongside. */
export async function upload<T>(
  backend: TestBackend,
  token: string,
  file: { name: string; bytes: Uint8Array; type?: string } | undefined,
  fields: Record<string, string> = {},
): Promise<ApiResponse<T>> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  if (file) form.append('file', new Blob([file.bytes], { type: file.type ?? 'application/octet-stream' }), file.name);
  const response = await fetch(`${backend.url}/resume/attachments`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T, headers: response.headers };
}

export const PDF_BYTES = new Uint8Array(Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n'));
export const PNG_BYTES = new Uint8Array(
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]),
);

/** Signs in a seeker whose resume has what an application needs. */
export async function loginReadyToApply(backend: TestBackend, key: string) {
  const tokens = await backend.login(key);
  await fillApplyEssentials(backend, tokens.accessToken);
  return tokens;
}
