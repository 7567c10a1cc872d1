import { randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import {
  CHECK_IN_RADIUS_M,
  distanceMetres,
  DOCUMENT_FIELD,
  DOCUMENT_KIND_LABELS,
  formatMetres,
  formatFen,
  offerDateErrors,
  PAY_KIND_LABELS,
  ID_CARD_KINDS,
  yuanStringToFen,
  type CertifyResult,
  type CertifyStart,
  type Contract,
  type ContractEvent,
  type ContractEventType,
  type ContractProof,
  type ContractTerm,
  type DocumentKind,
  type GeoPoint,
  type Offer,
  type OfferInput,
  type Onboarding,
  type OnboardingDocument,
  PROOF_GENESIS,
} from '../../services/contracts/onboarding';
import type { MessageCard, OnboardingCardStep } from '../../services/contracts/conversations';
import { maskIdNumber } from '../../services/contracts/trust';
import type { EmployerIdentity } from '../auth/hr-sessions';
import { iso, isoOrNull, type SimulatedClock } from '../clock';
import { afterCommit } from '../db/after-commit';
import { conflict, invalidInput, notFound } from '../http/api-error';
import type { ApplicationService } from '../applications/application-service';
import { nextEvent, sha256Hex } from './contract-chain';
import { renderContractPdf } from './contract-pdf';
import { MAX_INPUT_PIXELS, maskIdCardPicture } from './id-card-mask';
import type { ShiftService } from './shift-service';

const HOUR_MS = 60 * 60 * 1000;
const CHINA_UTC_OFFSET_MS = 8 * HOUR_MS;

/** 'YYYY-MM-DD' of `time` in China. */
export function chinaDay(time: number): string {
  return new Date(time + CHINA_UTC_OFFSET_MS).toISOString().slice(0, 10);
}

/** The application facts onboarding works with. */
export interface OnboardingParty {
  applicationId: number;
  userId: string;
  status: string;
  companyId: number;
  company: string;
  jobTitle: string;
  seekerNickname: string;
}

interface OfferRow {
  id: number;
  application_id: number;
  terms: string;
  pay_kind: Offer['payKind'];
  pay_fen: number;
  expires_at: number;
  status: 'pending' | 'accepted' | 'declined';
  decline_reason: string | null;
  created_at: number;
  responded_at: number | null;
}

interface ContractRow {
  id: number;
  flow_id: string;
  application_id: number;
  title: string;
  terms: string;
  status: Contract['status'];
  seeker_name: string;
  seeker_signature: Buffer | null;
  seeker_certify_id: string | null;
  seeker_signed_at: number | null;
  employer_name: string;
  employer_signer: string | null;
  employer_signed_at: number | null;
  created_at: number;
}

interface DocumentRow {
  id: number;
  application_id: number;
  kind: DocumentKind;
  file_name: string;
  mime: string;
  content: Buffer;
  /** 1: an ID card picture's masked rendition only (migration 020). */
  masked: number;
  status: 'uploaded' | 'accepted' | 'rejected';
  reject_reason: string | null;
  uploaded_at: number;
}

/** Who is asking: the seeker (by Alipay user id) or an HR of the application's company. */
export type Actor = { seeker: string } | { hr: EmployerIdentity };

export type OnboardingListener = (party: OnboardingParty) => void;

/** Why an ID card stored before masking that could not be masked (a PDF) went back to the seeker. */
const UNMASKABLE_ID_CARD_REASON = '请重新上传身份证照片';

/**
 * Offer → e-contract (real-name check, signatures, hash chain, PDF) → checklist → first-day check-in, which
 * makes the application 已入职. Only the seeker of an application and the HRs of its company see or act on
 * it; for anyone else it does not exist (404).
 */
export class OnboardingService {
  private readonly listeners: OnboardingListener[] = [];
  private shifts: ShiftService | undefined;

  constructor(
    private readonly db: Database,
    private readonly clock: SimulatedClock,
    private readonly applications: ApplicationService,
  ) {
    applications.guardHire((applicationId) => this.hireBlockedBy(applicationId));
  }

  attachShifts(shifts: ShiftService): void {
    this.shifts = shifts;
  }

  onChange(listener: OnboardingListener): void {
    this.listeners.push(listener);
  }

  // ---------------------------------------------------------------------------------------------------
  // Access

  party(applicationId: number, actor: Actor): OnboardingParty {
    const row = this.db
      .prepare(
        `SELECT a.id, a.user_id, a.status, j.company_id, c.name AS company, j.title, u.nickname
           FROM applications a JOIN jobs j ON j.id = a.job_id JOIN companies c ON c.id = j.company_id
           JOIN users u ON u.id = a.user_id WHERE a.id = ?`,
      )
      .get(applicationId) as
      | {
          id: number;
          user_id: string;
          status: string;
          company_id: number;
          company: string;
          title: string;
          nickname: string;
        }
      | undefined;
    const allowed = row && ('seeker' in actor ? row.user_id === actor.seeker : row.company_id === actor.hr.companyId);
    if (!row || !allowed) throw notFound('投递记录不存在');
    return {
      applicationId: row.id,
      userId: row.user_id,
      status: row.status,
      companyId: row.company_id,
      company: row.company,
      jobTitle: row.title,
      seekerNickname: row.nickname,
    };
  }

  /** Tells the listeners (the sockets of both sides) once the change is committed. */
  changed(party: OnboardingParty): void {
    afterCommit(this.db, () => {
      for (const listener of this.listeners) listener(party);
    });
  }

  // ---------------------------------------------------------------------------------------------------
  // Offer

  /** The HR sends the offer: stored with its terms, the application moves to 录用, the seeker is told. */
  sendOffer(hr: EmployerIdentity, applicationId: number, input: OfferInput): Onboarding {
    const party = this.party(applicationId, { hr });
    const record = this.applications.store.record(applicationId);
    if (!record) throw notFound('投递记录不存在');
    const now = this.clock.now();
    const expiresAt = Date.parse(input.expiresAt);
    if (expiresAt <= now) throw conflict('有效期必须晚于现在');
    const dateErrors = offerDateErrors(input, now);
    if (dateErrors.length) throw invalidInput(dateErrors);
    const payFen = yuanStringToFen(input.payYuan) as number;
    // The amount is kept once, in fen; the rest of the terms as the HR sent them.
    const terms: Partial<OfferInput> = { ...input };
    delete terms.payYuan;
    const unit = input.payKind === 'daily' ? '元/天' : '元/月';
    const text =
      `恭喜你通过面试！${party.company}向你发出录用通知：${input.position}，${PAY_KIND_LABELS[input.payKind]}` +
      `${input.payYuan}${unit}，${input.startDate} ${input.reportTime} 报到。请在${chinaDay(expiresAt)}前确认。`;
    this.db.transaction(() => {
      if (this.db.prepare('SELECT 1 FROM offers WHERE application_id = ?').get(applicationId)) {
        throw conflict('这份投递已发过录用通知');
      }
      const offerId = this.db
        .prepare(
          `INSERT INTO offers (application_id, terms, pay_kind, pay_fen, expires_at, created_at)
           VALUES (?, ?, ?, ?, ?, ?)`,
        )
        .run(applicationId, JSON.stringify(terms), input.payKind, payFen, expiresAt, now).lastInsertRowid;
      const card: MessageCard = {
        kind: 'offer',
        offerId: String(offerId),
        applicationId: String(applicationId),
        position: input.position,
        payKind: input.payKind,
        payFen,
        startDate: input.startDate,
        expiresAt: iso(expiresAt),
      };
      this.applications.transition(record, {
        to: 'offer',
        at: now,
        note: input.note?.trim() || `${input.position}，${input.startDate}报到`,
        message: { from: 'hr', text, card },
        byEmployerApi: true,
      });
    })();
    this.changed(party);
    return this.view(applicationId, { hr });
  }

  acceptOffer(userId: string, offerId: number): Onboarding {
    const { offer, party } = this.offerFor(userId, offerId);
    this.requirePending(offer);
    const now = this.clock.now();
    this.db.transaction(() => {
      this.db.prepare("UPDATE offers SET status = 'accepted', responded_at = ? WHERE id = ?").run(now, offer.id);
      this.createContract(party, offer, now);
      this.applications.postMessage(this.applications.conversations.idForApplication(party.applicationId), {
        sender: 'system',
        text: '你已接受录用通知，请完成实名认证并签署电子合同',
        card: this.onboardingCard(party, 'offer_accepted'),
      });
    })();
    this.changed(party);
    return this.view(party.applicationId, { seeker: userId });
  }

  /** Declining ends the application (已撤回) with the seeker's reason, which the HR sees. */
  declineOffer(userId: string, offerId: number, reason: string): Onboarding {
    const { offer, party } = this.offerFor(userId, offerId);
    this.requirePending(offer);
    const now = this.clock.now();
    const record = this.applications.store.record(party.applicationId);
    if (!record) throw notFound('投递记录不存在');
    this.db.transaction(() => {
      this.db
        .prepare("UPDATE offers SET status = 'declined', decline_reason = ?, responded_at = ? WHERE id = ?")
        .run(reason, now, offer.id);
      this.applications.transition(record, { to: 'withdrawn', at: now, reason: `你已拒绝录用：${reason}` });
    })();
    this.changed(party);
    return this.view(party.applicationId, { seeker: userId });
  }

  private offerFor(userId: string, offerId: number): { offer: OfferRow; party: OnboardingParty } {
    const offer = this.db.prepare('SELECT * FROM offers WHERE id = ?').get(offerId) as OfferRow | undefined;
    if (!offer) throw notFound('录用通知不存在');
    try {
      return { offer, party: this.party(offer.application_id, { seeker: userId }) };
    } catch {
      throw notFound('录用通知不存在');
    }
  }

  private requirePending(offer: OfferRow): void {
    const status = this.offerStatus(offer);
    if (status === 'expired') throw conflict('录用通知已过期，无法接受，请联系HR重新发送');
    if (status !== 'pending') throw conflict(`你已${status === 'accepted' ? '接受' : '拒绝'}这份录用通知`);
  }

  private offerStatus(offer: OfferRow): Offer['status'] {
    return offer.status === 'pending' && offer.expires_at <= this.clock.now() ? 'expired' : offer.status;
  }

  private offerRow(applicationId: number): OfferRow | undefined {
    return this.db.prepare('SELECT * FROM offers WHERE application_id = ?').get(applicationId) as OfferRow | undefined;
  }

  offerTerms(offer: OfferRow): Omit<OfferInput, 'payYuan'> {
    return JSON.parse(offer.terms) as Omit<OfferInput, 'payYuan'>;
  }

  private toOffer(offer: OfferRow, party: OnboardingParty): Offer {
    const terms = this.offerTerms(offer);
    return {
      id: String(offer.id),
      applicationId: String(offer.application_id),
      position: terms.position,
      company: party.company,
      payKind: offer.pay_kind,
      payFen: offer.pay_fen,
      startDate: terms.startDate,
      reportTime: terms.reportTime,
      place: { address: terms.address, latitude: terms.latitude, longitude: terms.longitude },
      probationMonths: terms.probationMonths,
      workingHours: terms.workingHours,
      dayHours: terms.dayHours,
      bring: terms.bring,
      documents: terms.documents,
      contact: { name: terms.contactName, phone: terms.contactPhone },
      note: terms.note?.trim() || null,
      expiresAt: iso(offer.expires_at),
      status: this.offerStatus(offer),
      declineReason: offer.decline_reason,
      createdAt: iso(offer.created_at),
      respondedAt: isoOrNull(offer.responded_at),
    };
  }

  /** For shifts: the accepted offer of an application the seeker may work on. */
  acceptedOffer(applicationId: number): { row: OfferRow; terms: Omit<OfferInput, 'payYuan'> } | undefined {
    const row = this.offerRow(applicationId);
    return row && row.status === 'accepted' ? { row, terms: this.offerTerms(row) } : undefined;
  }

  // ---------------------------------------------------------------------------------------------------
  // Real-name check (alipay.user.certify.open.initialize / certify / query)

  initializeCertify(userId: string, certName: string, certNo: string): CertifyStart {
    const certifyId = randomBytes(16).toString('hex');
    const normalized = certNo.trim().toUpperCase();
    this.db
      .prepare(
        `INSERT INTO certifications (certify_id, user_id, cert_name, cert_no_masked, cert_no_hash, created_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(certifyId, userId, certName.trim(), maskIdNumber(normalized), sha256Hex(normalized), this.clock.now());
    return {
      certifyId,
      certifyUrl: `https://openapi.alipay.com/gateway.do?method=alipay.user.certify.open.certify&certify_id=${certifyId}`,
    };
  }

  /** What the Alipay client reports after the face check (the simulator, or a test, plays Alipay's part). */
  completeCertify(certifyId: string, passed: boolean): void {
    const done = this.db
      .prepare('UPDATE certifications SET passed = ?, finished_at = ? WHERE certify_id = ? AND passed IS NULL')
      .run(passed ? 1 : 0, this.clock.now(), certifyId);
    if (done.changes === 0) throw notFound('认证记录不存在或已完成');
  }

  queryCertify(userId: string, certifyId: string): CertifyResult {
    const row = this.certification(userId, certifyId);
    return {
      certifyId,
      passed: row.passed === 1 ? 'T' : 'F',
      certName: row.cert_name,
      certNoMasked: row.cert_no_masked,
    };
  }

  private certification(userId: string, certifyId: string) {
    const row = this.db.prepare('SELECT * FROM certifications WHERE certify_id = ?').get(certifyId) as
      { user_id: string; cert_name: string; cert_no_masked: string; passed: number | null } | undefined;
    if (!row || row.user_id !== userId) throw notFound('认证记录不存在');
    return row;
  }

  // ---------------------------------------------------------------------------------------------------
  // E-contract

  private createContract(party: OnboardingParty, offer: OfferRow, now: number): void {
    const flowId = `FLOW${chinaDay(now).replace(/-/g, '')}${randomBytes(6).toString('hex').toUpperCase()}`;
    const terms = this.contractTerms(offer);
    const title = offer.pay_kind === 'daily' ? '灵活用工协议（日结）' : '劳动合同';
    const id = Number(
      this.db
        .prepare(
          `INSERT INTO contracts (flow_id, application_id, title, terms, seeker_name, employer_name, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(flowId, party.applicationId, title, JSON.stringify(terms), party.seekerNickname, party.company, now)
        .lastInsertRowid,
    );
    this.appendEvent(id, 'created', party.company, now, { flowId, termsSha256: sha256Hex(JSON.stringify(terms)) });
  }

  /** The key terms set out plainly, from the offer. */
  private contractTerms(offer: OfferRow): ContractTerm[] {
    const terms = this.offerTerms(offer);
    const pay =
      offer.pay_kind === 'daily' ? `${formatFen(offer.pay_fen)}/天（按班次结算）` : `${formatFen(offer.pay_fen)}/月`;
    return [
      { label: '岗位', value: terms.position },
      { label: PAY_KIND_LABELS[offer.pay_kind], value: pay },
      { label: '入职日期', value: `${terms.startDate} ${terms.reportTime}` },
      { label: '工作地点', value: terms.address },
      { label: '试用期', value: terms.probationMonths ? `${terms.probationMonths}个月` : '无' },
      { label: '工作时间', value: terms.workingHours },
      { label: '发薪方式', value: offer.pay_kind === 'daily' ? '每班审核后当日转入支付宝账户' : '每月转入工资账户' },
    ];
  }

  private contractRow(flowId: string): ContractRow {
    const row = this.db.prepare('SELECT * FROM contracts WHERE flow_id = ?').get(flowId) as ContractRow | undefined;
    if (!row) throw notFound('合同不存在');
    return row;
  }

  /** The contract, if `actor` is one of its parties (404 otherwise). */
  contractFor(flowId: string, actor: Actor): { row: ContractRow; party: OnboardingParty } {
    const row = this.contractRow(flowId);
    try {
      return { row, party: this.party(row.application_id, actor) };
    } catch {
      throw notFound('合同不存在');
    }
  }

  /** The first time each side opens the contract is on the chain. */
  viewContract(flowId: string, actor: Actor): Contract {
    const { row } = this.contractFor(flowId, actor);
    const side = 'seeker' in actor ? 'seeker' : 'employer';
    const seen = this.events(row.id).some((event) => event.type === 'viewed' && event.detail.side === side);
    if (!seen)
      this.appendEvent(row.id, 'viewed', side === 'seeker' ? row.seeker_name : row.employer_name, this.clock.now(), {
        side,
      });
    return this.toContract(this.contractRow(flowId));
  }

  sign(userId: string, flowId: string, certifyId: string, signaturePng: Buffer): Onboarding {
    const { row, party } = this.contractFor(flowId, { seeker: userId });
    if (row.status !== 'signing') throw conflict('合同当前不可签署');
    if (row.seeker_signed_at !== null) throw conflict('你已签署这份合同');
    const certification = this.certification(userId, certifyId);
    if (certification.passed !== 1) throw conflict('请先通过实名认证再签署');
    if (!isPng(signaturePng)) throw conflict('签名图片格式不正确，请重签');
    const now = this.clock.now();
    this.db.transaction(() => {
      this.db
        .prepare(
          'UPDATE contracts SET seeker_name = ?, seeker_signature = ?, seeker_certify_id = ?, seeker_signed_at = ? WHERE id = ?',
        )
        .run(certification.cert_name, signaturePng, certifyId, now, row.id);
      this.appendEvent(row.id, 'signed', certification.cert_name, now, {
        side: 'seeker',
        certNo: certification.cert_no_masked,
        signatureSha256: sha256Hex(signaturePng),
      });
    })();
    this.changed(party);
    return this.view(party.applicationId, { seeker: userId });
  }

  /** The HR signed in countersigns: the contract names that HR as the company's signer. */
  countersign(hr: EmployerIdentity, flowId: string): Onboarding {
    const { row, party } = this.contractFor(flowId, { hr });
    if (row.status !== 'signing') throw conflict('合同当前不可签署');
    if (row.seeker_signed_at === null) throw conflict('求职者尚未签署，签署后再会签');
    const { name: signerName } = this.db.prepare('SELECT name FROM hrs WHERE id = ?').get(hr.hrId) as { name: string };
    const now = this.clock.now();
    this.db.transaction(() => {
      this.db
        .prepare("UPDATE contracts SET employer_signer = ?, employer_signed_at = ?, status = 'signed' WHERE id = ?")
        .run(signerName, now, row.id);
      this.appendEvent(row.id, 'countersigned', party.company, now, { side: 'employer', signer: signerName });
      this.applications.postMessage(this.applications.conversations.idForApplication(party.applicationId), {
        sender: 'system',
        text: '企业已会签，电子合同签署完成。请按清单上传入职材料',
        card: this.onboardingCard(party, 'contract_signed'),
      });
    })();
    this.changed(party);
    return this.view(party.applicationId, { hr });
  }

  /**
   * The HR revokes a flow not yet signed by both (wrong terms, a typo in the name): the revocation closes its
   * chain, and a new flow from the same offer replaces it for the seeker to sign again.
   */
  revoke(hr: EmployerIdentity, flowId: string, reason: string): Onboarding {
    const { row, party } = this.contractFor(flowId, { hr });
    if (row.status !== 'signing') throw conflict('双方已签署的合同不能撤销');
    const offer = this.offerRow(party.applicationId) as OfferRow;
    const now = this.clock.now();
    this.db.transaction(() => {
      this.db.prepare("UPDATE contracts SET status = 'revoked' WHERE id = ?").run(row.id);
      this.appendEvent(row.id, 'revoked', party.company, now, { reason });
      this.createContract(party, offer, now);
      this.applications.postMessage(this.applications.conversations.idForApplication(party.applicationId), {
        sender: 'system',
        text: `企业撤销了合同（${reason}），已重新生成，请重新签署`,
        card: this.onboardingCard(party, 'contract_reissued', reason),
      });
    })();
    this.changed(party);
    return this.view(party.applicationId, { hr });
  }

  /** The card on an onboarding line: the console words it for the HR, the seeker reads the text. */
  private onboardingCard(party: OnboardingParty, step: OnboardingCardStep, reason: string | null = null): MessageCard {
    return { kind: 'onboarding', step, applicationId: String(party.applicationId), reason };
  }

  proof(flowId: string, actor: Actor): ContractProof {
    const { row } = this.contractFor(flowId, actor);
    const events = this.events(row.id);
    return { flowId, genesis: PROOF_GENESIS, events, head: events[events.length - 1]?.hash ?? PROOF_GENESIS };
  }

  async pdf(flowId: string, actor: Actor): Promise<{ fileName: string; bytes: Uint8Array }> {
    const { row } = this.contractFor(flowId, actor);
    const events = this.events(row.id);
    const bytes = await renderContractPdf({
      title: row.title,
      flowId,
      employerName: row.employer_name,
      seekerName: row.seeker_name,
      terms: JSON.parse(row.terms) as ContractTerm[],
      seekerSignature: row.seeker_signature,
      seekerSignedAt: row.seeker_signed_at === null ? null : chinaDay(row.seeker_signed_at),
      employerSigner: row.employer_signer,
      employerSignedAt: row.employer_signed_at === null ? null : chinaDay(row.employer_signed_at),
      proofHead: events[events.length - 1]?.hash ?? PROOF_GENESIS,
    });
    return { fileName: `${flowId}.pdf`, bytes };
  }

  private events(contractId: number): ContractEvent[] {
    const rows = this.db
      .prepare('SELECT * FROM contract_events WHERE contract_id = ? ORDER BY seq')
      .all(contractId) as {
      seq: number;
      type: ContractEventType;
      actor: string;
      at: number;
      detail: string;
      prev_hash: string;
      hash: string;
    }[];
    return rows.map((row) => ({
      seq: row.seq,
      type: row.type,
      actor: row.actor,
      at: iso(row.at),
      detail: JSON.parse(row.detail) as Record<string, string>,
      prevHash: row.prev_hash,
      hash: row.hash,
    }));
  }

  private appendEvent(
    contractId: number,
    type: ContractEventType,
    actor: string,
    at: number,
    detail: Record<string, string>,
  ): void {
    const event = nextEvent(this.events(contractId), { type, actor, at: iso(at), detail });
    this.db
      .prepare(
        'INSERT INTO contract_events (contract_id, seq, type, actor, at, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(contractId, event.seq, type, actor, at, JSON.stringify(detail), event.prevHash, event.hash);
  }

  private toContract(row: ContractRow): Contract {
    return {
      flowId: row.flow_id,
      applicationId: String(row.application_id),
      title: row.title,
      terms: JSON.parse(row.terms) as ContractTerm[],
      signers: [
        {
          role: 'seeker',
          name: row.seeker_name,
          status: row.seeker_signed_at === null ? 'waiting' : 'signed',
          signedAt: isoOrNull(row.seeker_signed_at),
        },
        {
          role: 'employer',
          name: row.employer_signer ? `${row.employer_name}（${row.employer_signer}）` : row.employer_name,
          status: row.employer_signed_at === null ? 'waiting' : 'signed',
          signedAt: isoOrNull(row.employer_signed_at),
        },
      ],
      status: row.status,
      fileUrl: `/contracts/${row.flow_id}/file`,
      createdAt: iso(row.created_at),
    };
  }

  // ---------------------------------------------------------------------------------------------------
  // Checklist

  /**
   * Keeps the seeker's upload of one checklist item (replacing an earlier one). An ID card picture is kept
   * only as its masked rendition (id-card-mask.ts): the original is never stored. Nobody needs it: the HR
   * checks the picture is clear and whole and the name, the number comes masked from the real-name check, and
   * an employer may not hold an applicant's ID card (Labour Contract Law art. 9); a full ID number kept is
   * sensitive personal information the company would have to guard (PIPL art. 28) for no purpose.
   */
  async upload(
    userId: string,
    applicationId: number,
    kind: DocumentKind,
    upload: { name: string; mime: string; bytes: Buffer },
  ): Promise<Onboarding> {
    const party = this.checkUploadOpen(userId, applicationId, kind);
    const idCard = ID_CARD_KINDS.includes(kind);
    const file = idCard ? await this.maskedIdCard(kind, upload, party.company) : upload;
    // Masking took a while: meanwhile the application may have ended or the earlier upload been accepted.
    this.checkUploadOpen(userId, applicationId, kind);
    this.db
      .prepare(
        `INSERT INTO onboarding_documents (application_id, kind, file_name, mime, content, masked, uploaded_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (application_id, kind) DO UPDATE SET file_name = excluded.file_name, mime = excluded.mime,
           content = excluded.content, masked = excluded.masked, status = 'uploaded', reject_reason = NULL,
           uploaded_at = excluded.uploaded_at, reviewed_at = NULL`,
      )
      .run(applicationId, kind, file.name, file.mime, file.bytes, idCard ? 1 : 0, this.clock.now());
    this.changed(party);
    return this.view(applicationId, { seeker: userId });
  }

  /** 409 unless the seeker may (still) upload this item: an open application, an accepted offer asking for it. */
  private checkUploadOpen(userId: string, applicationId: number, kind: DocumentKind): OnboardingParty {
    const party = this.party(applicationId, { seeker: userId });
    if (party.status !== 'offer' && party.status !== 'hired') throw conflict('投递已结束，无需再上传入职材料');
    const offer = this.acceptedOffer(applicationId);
    if (!offer) throw conflict('接受录用通知后再上传入职材料');
    if (!offer.terms.documents.includes(kind)) throw conflict(`这份录用通知不需要${DOCUMENT_KIND_LABELS[kind]}`);
    if (this.documentRow(applicationId, kind)?.status === 'accepted')
      throw conflict(`${DOCUMENT_KIND_LABELS[kind]}已审核通过，无需重传`);
    return party;
  }

  /**
   * ID card rows stored before masking existed (migration 020) still hold the original: masked once, at
   * startup, in place. One that cannot be masked (a PDF, an unreadable picture) loses its content and file
   * name and goes back to the seeker as rejected, so they can upload a photo again. Returns how many changed.
   */
  async maskStoredIdCards(): Promise<number> {
    const rows = this.db
      .prepare(
        `SELECT d.id, d.kind, d.file_name, d.mime, d.content, c.name AS company
           FROM onboarding_documents d JOIN applications a ON a.id = d.application_id
           JOIN jobs j ON j.id = a.job_id JOIN companies c ON c.id = j.company_id
          WHERE d.masked = 0 AND d.kind IN (${ID_CARD_KINDS.map(() => '?').join(', ')})`,
      )
      .all(...ID_CARD_KINDS) as (Pick<DocumentRow, 'id' | 'kind' | 'file_name' | 'mime' | 'content'> & {
      company: string;
    })[];
    const masked = this.db.prepare(
      'UPDATE onboarding_documents SET file_name = ?, mime = ?, content = ?, masked = 1 WHERE id = ? AND masked = 0',
    );
    const sentBack = this.db.prepare(
      `UPDATE onboarding_documents SET file_name = '', content = x'', masked = 1, status = 'rejected',
         reject_reason = ?, reviewed_at = ? WHERE id = ? AND masked = 0`,
    );
    for (const row of rows) {
      try {
        const file = await this.maskedIdCard(
          row.kind,
          { name: row.file_name, mime: row.mime, bytes: row.content },
          row.company,
        );
        masked.run(file.name, file.mime, file.bytes, row.id);
      } catch {
        sentBack.run(UNMASKABLE_ID_CARD_REASON, this.clock.now(), row.id);
      }
    }
    return rows.length;
  }

  review(
    hr: EmployerIdentity,
    documentId: number,
    decision: 'accepted' | 'rejected',
    reason: string | undefined,
  ): Onboarding {
    const document = this.db.prepare('SELECT * FROM onboarding_documents WHERE id = ?').get(documentId) as
      DocumentRow | undefined;
    if (!document) throw notFound('材料不存在');
    let party: OnboardingParty;
    try {
      party = this.party(document.application_id, { hr });
    } catch {
      throw notFound('材料不存在');
    }
    if (document.status !== 'uploaded') throw conflict('这份材料已审核过，等待求职者重新上传后再审');
    this.db
      .prepare('UPDATE onboarding_documents SET status = ?, reject_reason = ?, reviewed_at = ? WHERE id = ?')
      .run(decision, decision === 'rejected' ? (reason ?? '').trim() : null, this.clock.now(), documentId);
    this.changed(party);
    return this.view(party.applicationId, { hr });
  }

  private async maskedIdCard(
    kind: DocumentKind,
    upload: { name: string; mime: string; bytes: Buffer },
    company: string,
  ): Promise<{ name: string; mime: string; bytes: Buffer }> {
    const field = (message: string) => invalidInput([{ path: DOCUMENT_FIELD, message }]);
    if (upload.mime === 'application/pdf') throw field('身份证请上传JPG或PNG照片');
    let bytes: Buffer;
    try {
      bytes = await maskIdCardPicture(upload.bytes, { company });
    } catch (error) {
      // sharp refuses a picture claiming more than MAX_INPUT_PIXELS before decoding it.
      if (error instanceof Error && error.message.includes('pixel limit'))
        throw field(`照片尺寸过大（超过${MAX_INPUT_PIXELS / 1e4}万像素），请压缩后重新上传`);
      throw field('照片无法读取，请重新拍摄后上传');
    }
    // The seeker's file name may carry the number too: not kept either.
    return { name: `${DOCUMENT_KIND_LABELS[kind]}.jpg`, mime: 'image/jpeg', bytes };
  }

  /** The uploaded file, for the HR reviewing it or the seeker who sent it (an ID card only ever masked). */
  documentFile(
    documentId: number,
    actor: Actor,
  ): { kind: DocumentKind; fileName: string; mime: string; bytes: Buffer } {
    const document = this.db.prepare('SELECT * FROM onboarding_documents WHERE id = ?').get(documentId) as
      DocumentRow | undefined;
    if (!document) throw notFound('材料不存在');
    try {
      this.party(document.application_id, actor);
    } catch {
      throw notFound('材料不存在');
    }
    if (!document.content.length) throw notFound('材料已退回，等待求职者重新上传');
    return { kind: document.kind, fileName: document.file_name, mime: document.mime, bytes: document.content };
  }

  private documentRow(applicationId: number, kind: DocumentKind): DocumentRow | undefined {
    return this.db
      .prepare('SELECT * FROM onboarding_documents WHERE application_id = ? AND kind = ?')
      .get(applicationId, kind) as DocumentRow | undefined;
  }

  private documents(applicationId: number, kinds: readonly DocumentKind[]): OnboardingDocument[] {
    return kinds.map((kind) => {
      const row = this.documentRow(applicationId, kind);
      return {
        kind,
        status: row ? row.status : 'missing',
        id: row ? String(row.id) : null,
        // An ID card's file name may carry the number: it is never shown.
        fileName: row
          ? ID_CARD_KINDS.includes(kind)
            ? `${DOCUMENT_KIND_LABELS[kind]}（已打码）`
            : row.file_name
          : null,
        size: row ? row.content.length : null,
        rejectReason: row?.reject_reason ?? null,
        uploadedAt: row ? iso(row.uploaded_at) : null,
      };
    });
  }

  // ---------------------------------------------------------------------------------------------------
  // First day

  checkIn(userId: string, applicationId: number, position: GeoPoint): Onboarding {
    const party = this.party(applicationId, { seeker: userId });
    const offer = this.acceptedOffer(applicationId);
    if (!offer) throw conflict('接受录用通知后才能报到签到');
    if (this.db.prepare('SELECT 1 FROM check_ins WHERE application_id = ?').get(applicationId)) {
      throw conflict('你已完成报到签到');
    }
    const today = chinaDay(this.clock.now());
    if (today < offer.terms.startDate) throw conflict(`报到日是${offer.terms.startDate}，请在当天到达后签到`);
    const place = { latitude: offer.terms.latitude, longitude: offer.terms.longitude };
    const distanceM = distanceMetres(position, place);
    if (distanceM > CHECK_IN_RADIUS_M) {
      throw conflict(`你距离报到地点${formatMetres(distanceM)}，需在${CHECK_IN_RADIUS_M}米内签到`, { distanceM });
    }
    const blocked = this.hireBlockedBy(applicationId, { ignoreCheckIn: true });
    if (blocked) throw conflict(blocked);
    const record = this.applications.store.record(applicationId);
    if (!record) throw notFound('投递记录不存在');
    const now = this.clock.now();
    this.db.transaction(() => {
      this.db
        .prepare('INSERT INTO check_ins (application_id, at, distance_m) VALUES (?, ?, ?)')
        .run(applicationId, now, distanceM);
      this.applications.transition(record, {
        to: 'hired',
        at: now,
        note: `报到签到（距报到地点${formatMetres(distanceM)}）`,
        message: { from: 'system', text: `你已在${offer.terms.address}完成报到签到，欢迎入职！` },
      });
    })();
    this.changed(party);
    return this.view(applicationId, { seeker: userId });
  }

  /**
   * What still stands between this application and 已入职, first thing first: an accepted offer, a contract
   * both sides signed, the first-day check-in. Null when nothing does.
   */
  hireBlockedBy(applicationId: number, options: { ignoreCheckIn?: boolean } = {}): string | null {
    const remaining = this.remaining(applicationId).filter(
      (item) => !options.ignoreCheckIn || item !== REMAINING_CHECK_IN,
    );
    return remaining.length ? `还不能入职：${remaining[0]}` : null;
  }

  private remaining(applicationId: number): string[] {
    const offer = this.offerRow(applicationId);
    if (!offer) return ['HR发出录用通知'];
    if (offer.status !== 'accepted') return ['接受录用通知', '签署电子合同', REMAINING_CHECK_IN];
    const contract = this.db
      .prepare('SELECT * FROM contracts WHERE application_id = ? ORDER BY id DESC LIMIT 1')
      .get(applicationId) as ContractRow;
    const items: string[] = [];
    if (contract.seeker_signed_at === null) items.push('实名认证并签署电子合同');
    if (contract.employer_signed_at === null) items.push('企业会签电子合同');
    if (!this.db.prepare('SELECT 1 FROM check_ins WHERE application_id = ?').get(applicationId))
      items.push(REMAINING_CHECK_IN);
    return items;
  }

  // ---------------------------------------------------------------------------------------------------

  view(applicationId: number, actor: Actor): Onboarding {
    const party = this.party(applicationId, actor);
    const offer = this.offerRow(applicationId);
    const contract = this.db
      .prepare('SELECT * FROM contracts WHERE application_id = ? ORDER BY id DESC LIMIT 1')
      .get(applicationId) as ContractRow | undefined;
    const checkIn = this.db
      .prepare('SELECT at, distance_m FROM check_ins WHERE application_id = ?')
      .get(applicationId) as { at: number; distance_m: number } | undefined;
    const documents =
      offer && offer.status === 'accepted' ? this.documents(applicationId, this.offerTerms(offer).documents) : [];
    const remaining = party.status === 'hired' ? [] : this.remaining(applicationId);
    const documentSteps = { missing: '上传', rejected: '重新上传', uploaded: 'HR审核' } as const;
    for (const document of documents) {
      if (document.status !== 'accepted')
        remaining.push(`${documentSteps[document.status]}${DOCUMENT_KIND_LABELS[document.kind]}`);
    }
    const job = this.db
      .prepare(
        `SELECT c.name AS city, j.address, j.lat, j.lng FROM applications a JOIN jobs j ON j.id = a.job_id
           JOIN cities c ON c.code = j.city_code WHERE a.id = ?`,
      )
      .get(applicationId) as {
      city: string;
      district: string;
      address: string;
      lat: number | null;
      lng: number | null;
    };
    return {
      applicationId: String(applicationId),
      jobPlace:
        job.lat === null || job.lng === null
          ? null
          : { address: `${job.city}${job.address}`, latitude: job.lat, longitude: job.lng },
      offer: offer ? this.toOffer(offer, party) : null,
      contract: contract ? this.toContract(contract) : null,
      documents,
      checkIn: checkIn ? { at: iso(checkIn.at), distanceM: checkIn.distance_m } : null,
      shifts: this.shifts ? this.shifts.list(applicationId) : [],
      remaining,
    };
  }
}

const REMAINING_CHECK_IN = '报到当天到场签到';

function isPng(bytes: Buffer): boolean {
  return bytes.length > 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
}
