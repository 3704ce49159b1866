import PDFDocument from 'pdfkit';
import { A4, MARGIN, renderPdfKit } from '../../lib/pdfkit';
import { PDFDocument as PdfLibDocument, StandardFonts, beginMarkedContent, endMarkedContent, rgb } from 'pdf-lib';
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

/**
 * Draws the front sheet into a pdfkit document (which buffers its pages, so
 * they can be counted). A tagged PDF: headings, paragraphs and the agenda
 * table (header cells, rows, cells) in its structure tree, the language and
 * title set, rules and repeated table headers marked as artifacts.
 */
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
    pdfVersion: '1.7',
    tagged: true,
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
  const root = doc.struct('Document');
  doc.addStructure(root);
  const tag = (type: string, parent: ReturnType<typeof doc.struct> = root) => ({
    structParent: parent,
    structType: type,
  });
  /** Drawing that is not content (rules between rows): an artifact, skipped by a screen reader. */
  const artifact = (draw: () => void) => {
    doc.markContent('Artifact', { type: 'Layout' });
    draw();
    doc.endMarkedContent();
  };
  const width = A4[0] - 2 * MARGIN;
  doc.font('Helvetica-Bold').fontSize(20).text(input.committeeName, tag('H1'));
  doc
    .moveDown(0.2)
    .fontSize(16)
    .text(input.version > 1 ? `Agenda: supplement ${input.version - 1}` : 'Agenda', tag('H2'));
  if (full)
    doc
      .moveDown(0.2)
      .fontSize(11)
      .fillColor('#d4351c')
      .text('Members’ copy: includes papers not for publication', tag('P'))
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
    const p = doc.struct('P');
    root.add(p);
    doc
      .font('Helvetica-Bold')
      .fontSize(11)
      .text(`${label}: `, { continued: true, ...tag('Span', p) })
      .font('Helvetica')
      .text(value, tag('Span', p));
  }
  doc.moveDown(0.8);
  if (input.members.length > 0) {
    doc.font('Helvetica-Bold').fontSize(12).text('Membership', tag('H2'));
    doc
      .font('Helvetica')
      .fontSize(10)
      .text(listInWords(input.members.map((m) => (m.note ? `${m.name} (${m.note})` : m.name))), tag('P'));
    doc.moveDown(0.8);
  }
  doc.font('Helvetica-Bold').fontSize(12).text('Filming and reporting', tag('H2'));
  doc
    .font('Helvetica')
    .fontSize(10)
    .text(
      'This meeting is open to the public, except for any items marked as not for publication. Anyone may film, photograph, record or report on the open parts of it, including on social media. The meeting may be broadcast. If you do not want to be filmed, tell the clerk, who will advise where to sit.',
      tag('P'),
    );
  doc.moveDown(1);

  // The agenda table: Item | Business | Time | Pages.
  const table = doc.struct('Table');
  root.add(table);
  const cols = { item: 36, time: 50, pages: 64 };
  const businessWidth = width - cols.item - cols.time - cols.pages;
  const x = {
    item: MARGIN,
    business: MARGIN + cols.item,
    time: MARGIN + cols.item + businessWidth,
    pages: MARGIN + width - cols.pages,
  };
  const bottom = A4[1] - MARGIN - 20;
  /** The header row: tagged once, repeated on later pages as an artifact. */
  const header = (first: boolean) => {
    doc.font('Helvetica-Bold').fontSize(10);
    const y = doc.y;
    // (A structure element is made only when it is used: pdfkit waits for every one it made before it ends.)
    const row = first ? doc.struct('TR') : null;
    if (row) table.add(row);
    else doc.markContent('Artifact', { type: 'Pagination' });
    const cell = (text: string, at: number, w: number, align?: 'right') =>
      doc.text(text, at, y, { width: w, align, ...(row ? tag('TH', row) : {}) });
    cell('Item', x.item, cols.item);
    cell('Business', x.business, businessWidth);
    cell('Time', x.time, cols.time);
    cell('Pages', x.pages, cols.pages, 'right');
    if (!first) doc.endMarkedContent();
    artifact(() =>
      doc
        .moveTo(MARGIN, doc.y + 2)
        .lineTo(MARGIN + width, doc.y + 2)
        .lineWidth(0.5)
        .stroke(),
    );
    doc.y += 6;
  };
  header(true);
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
      header(false);
    }
    const top = doc.y;
    const row = doc.struct('TR');
    table.add(row);
    doc
      .font('Helvetica-Bold')
      .fontSize(10)
      .fillColor('black')
      .text(String(item.number), x.item, top, { width: cols.item, ...tag('TD', row) });
    const business = doc.struct('TD');
    row.add(business);
    let y = top;
    for (const l of lines) {
      doc
        .font(l.bold ? 'Helvetica-Bold' : 'Helvetica')
        .fontSize(10)
        .fillColor(l.colour ?? 'black');
      doc.text(l.text, x.business, y, { width: businessWidth, ...tag('P', business) });
      y = doc.y + 3;
    }
    doc.fillColor('black');
    // An empty cell is still a cell of the table.
    const cell = (text: string, at: number, w: number, align?: 'right') =>
      text ? doc.text(text, at, top, { width: w, align, ...tag('TD', row) }) : row.add(doc.struct('TD'));
    doc.font('Helvetica');
    cell(item.plannedStart ?? '', x.time, cols.time);
    cell(itemRange(item, ranges, full), x.pages, cols.pages, 'right');
    doc.y = y + 3;
    artifact(() =>
      doc
        .moveTo(MARGIN, doc.y - 3)
        .lineTo(MARGIN + width, doc.y - 3)
        .lineWidth(0.25)
        .strokeColor('#b1b4b6')
        .stroke()
        .strokeColor('black'),
    );
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
      { width, ...tag('P') },
    );
  root.end();
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
    // Page furniture: an artifact, so the front sheet's structure stays whole.
    page.pushOperators(beginMarkedContent('Artifact'));
    page.drawText(label, {
      x: width / 2 - font.widthOfTextAtSize(label, 9) / 2,
      y: 18,
      size: 9,
      font,
      color: rgb(0.04, 0.05, 0.05),
    });
    page.pushOperators(endMarkedContent());
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

  // Each pack is built on its own front sheet, so the front sheet's structure tree (and the
  // document's language and tagging) is the pack's; the papers' pages are added after it.
  // Each paper is read and parsed once, and copied into both packs.
  const sources = new Map<number, PdfLibDocument>();
  const paperDoc = async (documentId: number, expected: number | null) => {
    let source = sources.get(documentId);
    if (!source) {
      source = await PdfLibDocument.load(readPaper(documentId), { updateMetadata: false });
      if (expected !== null && source.getPageCount() !== expected) {
        throw new Error(
          `A paper has ${source.getPageCount()} pages, not the ${expected} recorded when it was uploaded`,
        );
      }
      sources.set(documentId, source);
    }
    return source;
  };
  const begin = async (frontSheet: Uint8Array) => {
    const pack = await PdfLibDocument.load(frontSheet, { updateMetadata: false });
    if (pack.getPageCount() !== layout.frontPages) throw new Error('The front sheet is not the length laid out');
    pack.setTitle(`${input.committeeName}: agenda pack, ${formatDate(input.startsAt)}`);
    pack.setLanguage('en-GB');
    pack.setCreator('Scrutineer');
    pack.setCreationDate(input.startsAt);
    pack.setModificationDate(input.startsAt);
    return pack;
  };
  const append = async (pack: PdfLibDocument, source: PdfLibDocument) => {
    const pages = await pack.copyPages(source, source.getPageIndices());
    for (const page of pages) pack.addPage(page);
    return pages;
  };

  const publicPack = await begin(front.public);
  const full = await begin(front.full);
  for (const { paper } of open) {
    const source = await paperDoc(paper.documentId, paper.pageCount);
    await append(publicPack, source);
    await append(full, source);
    step();
  }
  await stampPageNumbers(publicPack);
  const publicBytes = await publicPack.save({ useObjectStreams: true });

  // The members' pack: the same pages with its own front sheet, then Part 2.
  const fullBold = await full.embedFont(StandardFonts.HelveticaBold);
  for (const { item, paper } of exempt) {
    const pages = await append(full, await paperDoc(paper.documentId, null));
    const paragraph = paper.exemptParagraph ?? item.exemptParagraph ?? 0;
    for (const page of pages) {
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
