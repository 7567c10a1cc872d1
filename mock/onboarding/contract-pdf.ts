import fs from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFPage } from 'pdf-lib';
import type { ContractTerm } from '../../services/contracts/onboarding';
import { ApiError } from '../http/api-error';

/** A CJK font from the system (Debian's fonts-noto-cjk); the collection's Simplified Chinese face is used. */
const CJK_FONT_PATH = process.env.CJK_FONT_PATH ?? '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const CJK_FACE = 'NotoSansCJKsc-Regular';

/** The parts of a fontkit font this file uses. */
interface OutlineFont {
  unitsPerEm: number;
  layout(text: string): {
    glyphs: { path: { scale(x: number, y: number): { toSVG(): string } } }[];
    positions: { xAdvance: number; xOffset: number; yOffset: number }[];
  };
}

let cjkFont: OutlineFont | undefined;

function loadCjkFont(): OutlineFont {
  if (!cjkFont) {
    if (!fs.existsSync(CJK_FONT_PATH)) {
      throw new ApiError(503, 'unavailable', '服务器缺少中文字体（fonts-noto-cjk），暂时无法生成合同PDF');
    }
    cjkFont = fontkit.create(fs.readFileSync(CJK_FONT_PATH), CJK_FACE) as unknown as OutlineFont;
  }
  return cjkFont;
}

/**
 * Text drawn as glyph outlines. pdf-lib's font subsetting breaks CJK fonts (the CFF outlines of Noto CJK, and
 * the TrueType ones tried), and embedding a whole CJK font adds megabytes: outlines render the same in every
 * viewer and keep the file small. The text is not selectable.
 */
class OutlineText {
  constructor(
    private readonly page: PDFPage,
    private readonly font: OutlineFont,
  ) {}

  width(text: string, size: number): number {
    const scale = size / this.font.unitsPerEm;
    return this.font.layout(text).positions.reduce((total, position) => total + position.xAdvance * scale, 0);
  }

  draw(text: string, x: number, y: number, size: number, color = rgb(0.1, 0.1, 0.1)): void {
    const scale = size / this.font.unitsPerEm;
    const run = this.font.layout(text);
    let pen = x;
    run.glyphs.forEach((glyph, index) => {
      const position = run.positions[index];
      // Font units point up, SVG paths (as pdf-lib reads them) point down: flip y.
      const path = glyph.path.scale(scale, -scale).toSVG();
      if (path) {
        this.page.drawSvgPath(path, {
          x: pen + position.xOffset * scale,
          y: y + position.yOffset * scale,
          color,
          borderWidth: 0,
        });
      }
      pen += position.xAdvance * scale;
    });
  }
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
  const font = loadCjkFont();
  const doc = await PDFDocument.create();
  doc.setTitle(input.title);
  doc.setSubject(`电子合同 ${input.flowId}`);
  doc.setProducer('1号直聘 电子合同');

  const page = doc.addPage(PAGE);
  const text = new OutlineText(page, font);
  let y = PAGE[1] - MARGIN;
  const line = (value: string, size = 11, x = MARGIN) => {
    for (const part of wrap(value, text, size, PAGE[0] - MARGIN - x)) {
      text.draw(part, x, y, size);
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
  drawSignatures(page, text, y, input, await embedSignature(doc, input.seekerSignature));
  text.draw(`存证链头：${input.proofHead}`, MARGIN, MARGIN - 20, 7, rgb(0.4, 0.4, 0.4));
  return doc.save();
}

async function embedSignature(doc: PDFDocument, png: Buffer | null) {
  return png ? doc.embedPng(png) : null;
}

function drawSignatures(
  page: PDFPage,
  outline: OutlineText,
  top: number,
  input: ContractPdfInput,
  signature: Awaited<ReturnType<PDFDocument['embedPng']>> | null,
): void {
  const half = (PAGE[0] - 2 * MARGIN) / 2;
  const text = (value: string, x: number, y: number, size = 11) => outline.draw(value, x, y, size);
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
    // The company's name fits inside the seal, however long.
    const sealSize = Math.min(9, 100 / Math.max(1, outline.width(input.employerName, 1)));
    text(input.employerName, MARGIN + 80 - outline.width(input.employerName, sealSize) / 2, top - 44, sealSize);
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
function wrap(value: string, text: OutlineText, size: number, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const character of Array.from(value)) {
    if (current && text.width(current + character, size) > width) {
      lines.push(current);
      current = '';
    }
    current += character;
  }
  if (current) lines.push(current);
  return lines;
}
