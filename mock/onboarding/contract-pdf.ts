import fs from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { ContractTerm } from '../../services/contracts/onboarding';
import { ApiError } from '../http/api-error';

/** A CJK font from the system (Debian's fonts-noto-cjk); the collection's Simplified Chinese face is used. */
const CJK_FONT_PATH = process.env.CJK_FONT_PATH ?? '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const CJK_FACE = 'NotoSansCJKsc-Regular';

let fontBytes: Buffer | undefined;

function cjkFontBytes(): Buffer {
  if (!fontBytes) {
    if (!fs.existsSync(CJK_FONT_PATH)) {
      throw new ApiError(503, 'unavailable', '服务器缺少中文字体（fonts-noto-cjk），暂时无法生成合同PDF');
    }
    fontBytes = fs.readFileSync(CJK_FONT_PATH);
  }
  return fontBytes;
}

export interface ContractPdfInput {
  title: string;
  flowId: string;
  employerName: string;
  seekerName: string;
  terms: ContractTerm[];
  /** PNG of the handwritten signature, once the seeker signed. */
  seekerSignature: Buffer | null;
  seekerSignedAt: string | null;
  employerSigner: string | null;
  employerSignedAt: string | null;
  /** The contract's hash-chain head when the file was made. */
  proofHead: string;
}

const PAGE: [number, number] = [595, 842];
const MARGIN = 56;

/** The contract as a PDF: parties, key terms, both signatures, and the proof head to check it against. */
export async function renderContractPdf(input: ContractPdfInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  // pdf-lib reads a single font; the system font is a collection, so pick its Simplified Chinese face.
  doc.registerFontkit({ create: (bytes: Uint8Array) => fontkit.create(Buffer.from(bytes), CJK_FACE) } as never);
  const font = await doc.embedFont(cjkFontBytes(), { subset: true });
  doc.setTitle(input.title);
  doc.setSubject(`电子合同 ${input.flowId}`);
  doc.setProducer('1号直聘 电子合同');

  const page = doc.addPage(PAGE);
  let y = PAGE[1] - MARGIN;
  const line = (text: string, size = 11, x = MARGIN) => {
    for (const part of wrap(text, font, size, PAGE[0] - MARGIN - x)) {
      page.drawText(part, { x, y, size, font, color: rgb(0.1, 0.1, 0.1) });
      y -= size * 1.7;
    }
  };

  line(input.title, 18);
  y -= 6;
  line(`合同编号：${input.flowId}`, 9);
  line(`甲方（用人单位）：${input.employerName}`);
  line(`乙方（劳动者）：${input.seekerName}`);
  y -= 8;
  line('主要条款', 13);
  for (const term of input.terms) line(`${term.label}：${term.value}`, 11, MARGIN + 12);
  y -= 8;
  line('双方确认已阅读并理解上述条款，自愿签署本合同。用人单位不得扣押劳动者身份证件，不得以任何名义收取财物。', 10);
  y -= 16;
  drawSignatures(page, font, y, input, await embedSignature(doc, input.seekerSignature));
  page.drawText(`存证链头：${input.proofHead}`, {
    x: MARGIN,
    y: MARGIN - 20,
    size: 7,
    font,
    color: rgb(0.4, 0.4, 0.4),
  });
  return doc.save();
}

async function embedSignature(doc: PDFDocument, png: Buffer | null) {
  return png ? doc.embedPng(png) : null;
}

function drawSignatures(
  page: PDFPage,
  font: PDFFont,
  top: number,
  input: ContractPdfInput,
  signature: Awaited<ReturnType<PDFDocument['embedPng']>> | null,
): void {
  const half = (PAGE[0] - 2 * MARGIN) / 2;
  const text = (value: string, x: number, y: number, size = 11) =>
    page.drawText(value, { x, y, size, font, color: rgb(0.1, 0.1, 0.1) });
  text('甲方（盖章）：', MARGIN, top);
  if (input.employerSigner && input.employerSignedAt) {
    page.drawEllipse({
      x: MARGIN + 80,
      y: top - 40,
      xScale: 60,
      yScale: 32,
      borderColor: rgb(0.8, 0.1, 0.1),
      borderWidth: 2,
    });
    text(input.employerName.slice(0, 10), MARGIN + 40, top - 44, 9);
    text(`经办人：${input.employerSigner}`, MARGIN, top - 90, 10);
    text(`日期：${input.employerSignedAt}`, MARGIN, top - 106, 10);
  } else {
    text('（待签署）', MARGIN, top - 40, 10);
  }
  const x = MARGIN + half;
  text('乙方（签字）：', x, top);
  if (signature && input.seekerSignedAt) {
    const scale = Math.min(160 / signature.width, 64 / signature.height);
    page.drawImage(signature, { x, y: top - 76, width: signature.width * scale, height: signature.height * scale });
    text(`日期：${input.seekerSignedAt}`, x, top - 106, 10);
  } else {
    text('（待签署）', x, top - 40, 10);
  }
}

/** Lines that fit `width`: CJK text breaks between any two characters. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const character of Array.from(text)) {
    if (current && font.widthOfTextAtSize(current + character, size) > width) {
      lines.push(current);
      current = '';
    }
    current += character;
  }
  if (current) lines.push(current);
  return lines;
}
