import PDFDocument from 'pdfkit';
import { A4, MARGIN, renderPdfKit } from '../../lib/pdfkit';
import { PDFDocument as PdfLibDocument, StandardFonts, rgb } from 'pdf-lib';
import { formatDate, formatTime } from '../../lib/dates';
import { listInWords, presenterLabel } from '../../lib/labels';
import { exemptNotice } from '../../lib/schedule12a';
import type { AgendaSnapshotItem } from '../../db/schema';

/**
 * The agenda pack: a front sheet (committee, date, time, venue, membership,
 * filming notice, the agenda with page ranges) followed by every open paper
 * in item order, every page numbered. Members get the same pack with the
 * exempt papers after it ("Part 2"), so page numbers agree in both copies.
 *
 * The front sheet is laid out first (its length depends on the ranges it
 * prints, and the ranges on its length, so it is laid out until they agree);
 * the papers are then merged with pdf-lib and the page numbers stamped.
 */

export interface PackMember {
  name: string;
  /** "Chairman", "Vice-Chairman", "Healthwatch Bucks"… shown after the name; null for members. */
  note: string | null;
}

export interface PackInput {
  committeeName: string;
  startsAt: Date;
  endsAt: Date | null;
  venue: string | null;
  members: PackMember[];
  contact: { name: string | null; email: string | null; phone: string | null };
  items: AgendaSnapshotItem[];
  /** Version published: a supplement says so on its front sheet. */
  version: number;
}

export interface PageRange {
  start: number;
  end: number;
}

export interface PackLayout {
  frontPages: number;
  /** documentId → pages in the pack. */
  ranges: Map<number, PageRange>;
  /** Pages of the public pack (front sheet and open papers). */
  publicPages: number;
  /** Pages of the members' pack (with the exempt papers). */
  fullPages: number;
}

function isOpenPaper(item: AgendaSnapshotItem, paper: AgendaSnapshotItem['papers'][number]): boolean {
  return item.exemptParagraph === null && paper.exemptParagraph === null;
}

/** Papers in pack order: open ones in item order, then the exempt ones in item order. */
function packPapers(items: AgendaSnapshotItem[]) {
  const open = items.flatMap((item) =>
    item.papers.filter((p) => isOpenPaper(item, p)).map((paper) => ({ item, paper })),
  );
  const exempt = items.flatMap((item) =>
    item.papers.filter((p) => !isOpenPaper(item, p)).map((paper) => ({ item, paper })),
  );
  return { open, exempt };
}

/** Where each paper starts and ends after a front sheet of `frontPages` pages. */
function planRanges(items: AgendaSnapshotItem[], frontPages: number): Omit<PackLayout, 'frontPages'> {
  const { open, exempt } = packPapers(items);
  const ranges = new Map<number, PageRange>();
  let next = frontPages + 1;
  for (const { paper } of [...open, ...exempt]) {
    const pages = Math.max(1, paper.pageCount ?? 1);
    ranges.set(paper.documentId, { start: next, end: next + pages - 1 });
    next += pages;
  }
  const publicPages = frontPages + open.reduce((n, { paper }) => n + Math.max(1, paper.pageCount ?? 1), 0);
  return { ranges, publicPages, fullPages: next - 1 };
}

function rangeText(r: PageRange | undefined): string {
  if (!r) return '';
  return r.start === r.end ? `${r.start}` : `${r.start} - ${r.end}`;
}

/** An item's pages on the front sheet: from its first paper's first page to its last paper's last. */
function itemRange(item: AgendaSnapshotItem, ranges: Map<number, PageRange>, full: boolean): string {
  const mine = item.papers
    .filter((p) => full || isOpenPaper(item, p))
    .map((p) => ranges.get(p.documentId))
    .filter((r): r is PageRange => r !== undefined);
  if (mine.length === 0) return item.exemptParagraph !== null && !full && item.papers.length > 0 ? 'Part 2' : '';
  return rangeText({ start: Math.min(...mine.map((r) => r.start)), end: Math.max(...mine.map((r) => r.end)) });
}

/** Draws the front sheet into a pdfkit document (which buffers its pages, so they can be counted). */
function drawFrontSheet(
  input: PackInput,
  ranges: Map<number, PageRange>,
  full: boolean,
): InstanceType<typeof PDFDocument> {
  const doc = new PDFDocument({
    size: A4,
    margins: { top: MARGIN, bottom: MARGIN + 20, left: MARGIN, right: MARGIN },
    bufferPages: true,
    autoFirstPage: true,
    lang: 'en-GB',
    displayTitle: true,
    info: {
      Title: `${input.committeeName}: agenda, ${formatDate(input.startsAt)}`,
      Author: input.committeeName,
      Subject: 'Agenda pack',
      Creator: 'Scrutineer',
      // Fixed dates keep the file the same for the same agenda.
      CreationDate: input.startsAt,
      ModDate: input.startsAt,
    },
  });
  const width = A4[0] - 2 * MARGIN;
  doc.font('Helvetica-Bold').fontSize(20).text(input.committeeName);
  doc
    .moveDown(0.2)
    .fontSize(16)
    .text(input.version > 1 ? `Agenda: supplement ${input.version - 1}` : 'Agenda');
  if (full)
    doc
      .moveDown(0.2)
      .fontSize(11)
      .fillColor('#d4351c')
      .text('Members’ copy: includes papers not for publication')
      .fillColor('black');
  doc.moveDown(0.8);

  const when = input.endsAt
    ? `${formatTime(input.startsAt)} to ${formatTime(input.endsAt)}`
    : formatTime(input.startsAt);
  for (const [label, value] of [
    ['Date', formatDate(input.startsAt)],
    ['Time', when],
    ['Venue', input.venue ?? 'To be confirmed'],
  ] as const) {
    doc.font('Helvetica-Bold').fontSize(11).text(`${label}: `, { continued: true }).font('Helvetica').text(value);
  }
  doc.moveDown(0.8);
  if (input.members.length > 0) {
    doc.font('Helvetica-Bold').fontSize(12).text('Membership');
    doc
      .font('Helvetica')
      .fontSize(10)
      .text(listInWords(input.members.map((m) => (m.note ? `${m.name} (${m.note})` : m.name))));
    doc.moveDown(0.8);
  }
  doc.font('Helvetica-Bold').fontSize(12).text('Filming and reporting');
  doc
    .font('Helvetica')
    .fontSize(10)
    .text(
      'This meeting is open to the public, except for any items marked as not for publication. Anyone may film, photograph, record or report on the open parts of it, including on social media. The meeting may be broadcast. If you do not want to be filmed, tell the clerk, who will advise where to sit.',
    );
  doc.moveDown(1);

  // The agenda table: Item | Business | Time | Pages.
  const cols = { item: 36, time: 50, pages: 64 };
  const businessWidth = width - cols.item - cols.time - cols.pages;
  const x = {
    item: MARGIN,
    business: MARGIN + cols.item,
    time: MARGIN + cols.item + businessWidth,
    pages: MARGIN + width - cols.pages,
  };
  const bottom = A4[1] - MARGIN - 20;
  const header = () => {
    doc.font('Helvetica-Bold').fontSize(10);
    const y = doc.y;
    doc.text('Item', x.item, y, { width: cols.item });
    doc.text('Business', x.business, y, { width: businessWidth });
    doc.text('Time', x.time, y, { width: cols.time });
    doc.text('Pages', x.pages, y, { width: cols.pages, align: 'right' });
    doc
      .moveTo(MARGIN, doc.y + 2)
      .lineTo(MARGIN + width, doc.y + 2)
      .lineWidth(0.5)
      .stroke();
    doc.y += 6;
  };
  header();
  for (const item of input.items) {
    const lines: { text: string; bold?: boolean; colour?: string }[] = [{ text: item.title, bold: true }];
    if (item.exemptParagraph !== null) {
      lines.push({ text: exemptNotice(item.exemptParagraph), colour: '#d4351c' });
    } else {
      if (item.lateReason) lines.push({ text: `Added late, with the chairman’s agreement: ${item.lateReason}` });
      if (item.purpose) lines.push({ text: item.purpose.replace(/\n{2,}/g, '\n') });
      if (item.presenters.length > 0) {
        lines.push({
          text: `${item.presenters.length === 1 ? 'Presenter' : 'Presenters'}: ${item.presenters
            .map(presenterLabel)
            .join('; ')}`,
        });
      }
    }
    const visiblePapers = item.papers.filter((p) => full || isOpenPaper(item, p));
    if (visiblePapers.length > 0 && (item.exemptParagraph === null || full)) {
      lines.push({
        text: `${visiblePapers.length === 1 ? 'Paper' : 'Papers'}: ${visiblePapers.map((p) => p.title).join('; ')}`,
      });
    }
    const height =
      lines.reduce(
        (h, l) =>
          h +
          doc
            .font(l.bold ? 'Helvetica-Bold' : 'Helvetica')
            .fontSize(10)
            .heightOfString(l.text, { width: businessWidth }) +
          3,
        0,
      ) + 6;
    if (doc.y + height > bottom) {
      doc.addPage();
      header();
    }
    const top = doc.y;
    doc
      .font('Helvetica-Bold')
      .fontSize(10)
      .fillColor('black')
      .text(String(item.number), x.item, top, { width: cols.item });
    doc.font('Helvetica').text(item.plannedStart ?? '', x.time, top, { width: cols.time });
    doc.text(itemRange(item, ranges, full), x.pages, top, { width: cols.pages, align: 'right' });
    let y = top;
    for (const l of lines) {
      doc
        .font(l.bold ? 'Helvetica-Bold' : 'Helvetica')
        .fontSize(10)
        .fillColor(l.colour ?? 'black');
      doc.text(l.text, x.business, y, { width: businessWidth });
      y = doc.y + 3;
    }
    doc.fillColor('black');
    doc.y = y + 3;
    doc
      .moveTo(MARGIN, doc.y - 3)
      .lineTo(MARGIN + width, doc.y - 3)
      .lineWidth(0.25)
      .strokeColor('#b1b4b6')
      .stroke()
      .strokeColor('black');
    doc.x = MARGIN;
  }

  doc.moveDown(1);
  const contact = [input.contact.name, input.contact.phone, input.contact.email].filter(Boolean).join(', ');
  doc
    .font('Helvetica')
    .fontSize(10)
    .text(
      `If you would like to attend and need help to do so, or need this pack in another format, contact the clerk${contact ? `: ${contact}` : ''}.`,
      MARGIN,
      doc.y,
      { width },
    );
  return doc;
}

/** Lays out the pack: the front sheet's length and every paper's pages, the two agreeing. */
export function layoutPack(input: PackInput): PackLayout {
  let frontPages = 1;
  for (let attempt = 0; attempt < 6; attempt++) {
    const plan = planRanges(input.items, frontPages);
    const doc = drawFrontSheet(input, plan.ranges, false);
    const pages = doc.bufferedPageRange().count;
    doc.end();
    if (pages === frontPages) return { frontPages, ...plan };
    frontPages = pages;
  }
  throw new Error('The front sheet’s length did not settle');
}

/** "Page 27" at the foot of every page. */
async function stampPageNumbers(doc: PdfLibDocument): Promise<void> {
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.getPages().forEach((page, i) => {
    const { width } = page.getSize();
    const label = `Page ${i + 1}`;
    page.drawText(label, {
      x: width / 2 - font.widthOfTextAtSize(label, 9) / 2,
      y: 18,
      size: 9,
      font,
      color: rgb(0.04, 0.05, 0.05),
    });
  });
}

export interface BuiltPacks {
  publicPack: Uint8Array;
  fullPack: Uint8Array;
}

/**
 * Builds the public pack and the members' pack to a layout. `readPaper`
 * gives a paper's PDF bytes; `progress` hears 0–100 as the work goes.
 */
export async function buildPacks(
  input: PackInput,
  layout: PackLayout,
  readPaper: (documentId: number) => Uint8Array,
  progress: (percent: number) => void = () => {},
): Promise<BuiltPacks> {
  const { open, exempt } = packPapers(input.items);
  const total = open.length + exempt.length + 2;
  let done = 0;
  const step = () => progress(Math.min(95, Math.round((++done / total) * 95)));

  const front = {
    public: await renderPdfKit(drawFrontSheet(input, layout.ranges, false)),
    full: await renderPdfKit(drawFrontSheet(input, layout.ranges, true)),
  };
  step();

  const pack = await PdfLibDocument.create();
  pack.setTitle(`${input.committeeName}: agenda pack, ${formatDate(input.startsAt)}`);
  pack.setLanguage('en-GB');
  pack.setCreator('Scrutineer');
  pack.setCreationDate(input.startsAt);
  pack.setModificationDate(input.startsAt);
  const append = async (bytes: Uint8Array, expected: number | null) => {
    const source = await PdfLibDocument.load(bytes, { updateMetadata: false });
    const pages = await pack.copyPages(source, source.getPageIndices());
    if (expected !== null && pages.length !== expected) {
      throw new Error(`A paper has ${pages.length} pages, not the ${expected} recorded when it was uploaded`);
    }
    for (const page of pages) pack.addPage(page);
  };

  await append(front.public, layout.frontPages);
  for (const { paper } of open) {
    await append(readPaper(paper.documentId), paper.pageCount);
    step();
  }
  // The open part, unnumbered, is the start of both packs.
  const openPart = await pack.save({ useObjectStreams: false });

  const publicPack = await PdfLibDocument.load(openPart, { updateMetadata: false });
  await stampPageNumbers(publicPack);
  const publicBytes = await publicPack.save({ useObjectStreams: true });

  // The members' pack: the same pages with its own front sheet, then Part 2.
  const full = await PdfLibDocument.load(openPart, { updateMetadata: false });
  const fullFront = await PdfLibDocument.load(front.full, { updateMetadata: false });
  // Swap in the members' front sheet (same length by construction).
  if (fullFront.getPageCount() !== layout.frontPages) throw new Error('The members’ front sheet is a different length');
  const fullFrontPages = await full.copyPages(fullFront, fullFront.getPageIndices());
  for (let i = 0; i < layout.frontPages; i++) {
    full.removePage(i);
    full.insertPage(i, fullFrontPages[i] as NonNullable<(typeof fullFrontPages)[number]>);
  }
  const fullBold = await full.embedFont(StandardFonts.HelveticaBold);
  for (const { item, paper } of exempt) {
    const source = await PdfLibDocument.load(readPaper(paper.documentId), { updateMetadata: false });
    const pages = await full.copyPages(source, source.getPageIndices());
    const paragraph = paper.exemptParagraph ?? item.exemptParagraph ?? 0;
    for (const page of pages) {
      full.addPage(page);
      const { width, height } = page.getSize();
      page.drawText(`NOT FOR PUBLICATION: paragraph ${paragraph} of Schedule 12A`, {
        x: 36,
        y: height - 24,
        size: 9,
        font: fullBold,
        color: rgb(0.83, 0.21, 0.11),
        maxWidth: width - 72,
      });
    }
    step();
  }
  await stampPageNumbers(full);
  const fullBytes = await full.save({ useObjectStreams: true });
  progress(100);
  return { publicPack: publicBytes, fullPack: fullBytes };
}
