import PDFDocument from 'pdfkit';
import { formatDate, formatDateTime, formatTime } from '../../lib/dates';
import { A4, MARGIN, renderPdfKit } from '../../lib/pdfkit';
import { safeMarkdownToPlain } from '../../lib/safe-markdown';
import {
  actionLine,
  approvalSentence,
  attendeeNames,
  declarationSentence,
  venuePhrase,
  withheldNotice,
} from '../../lib/wording';
import type { PublicMinutes } from './queries';

export interface MinutesPdfInput {
  committeeName: string;
  startsAt: Date;
  /** Already public: exempt content and sensitive interests removed. */
  minutes: PublicMinutes;
}

/**
 * The published minutes as a PDF laid out as clerks lay them out, every page
 * numbered. A tagged PDF: its language and title set, its headings,
 * paragraphs and lists in a structure tree a screen reader follows, page
 * numbers marked as artifacts (public-sector accessibility covers PDFs too).
 */
export function minutesPdf(input: MinutesPdfInput): Promise<Uint8Array> {
  const { minutes } = input;
  const doc = new PDFDocument({
    size: A4,
    margins: { top: MARGIN, bottom: MARGIN + 20, left: MARGIN, right: MARGIN },
    bufferPages: true,
    pdfVersion: '1.7',
    tagged: true,
    lang: 'en-GB',
    displayTitle: true,
    info: {
      Title: `${input.committeeName}: minutes of ${formatDate(input.startsAt)}`,
      Author: input.committeeName,
      Subject: minutes.approved ? 'Approved minutes' : 'Draft minutes, not yet approved',
    },
  });
  const root = doc.struct('Document');
  doc.addStructure(root);
  const width = A4[0] - 2 * MARGIN;
  const heading = (text: string, size = 12, level: 'H1' | 'H2' = 'H2') =>
    doc
      .moveDown(0.6)
      .font('Helvetica-Bold')
      .fontSize(size)
      .fillColor('black')
      .text(text, MARGIN, undefined, { width, structParent: root, structType: level });
  const para = (
    text: string,
    options: { indent?: number; parent?: ReturnType<typeof doc.struct>; type?: string } = {},
  ) =>
    doc
      .moveDown(0.3)
      .font('Helvetica')
      .fontSize(10.5)
      .fillColor('black')
      .text(text, MARGIN + (options.indent ?? 0), undefined, {
        width: width - (options.indent ?? 0),
        lineGap: 1.5,
        structParent: options.parent ?? root,
        structType: options.type ?? 'P',
      });
  /** A list: an L of LIs, each with its body. */
  const list = (texts: string[], indent = 14) => {
    const l = doc.struct('L');
    root.add(l);
    for (const text of texts) {
      const li = doc.struct('LI');
      l.add(li);
      para(text, { indent, parent: li, type: 'LBody' });
    }
  };
  const strong = (text: string, colour = 'black') =>
    doc
      .font('Helvetica-Bold')
      .fontSize(10.5)
      .fillColor(colour)
      .text(text, MARGIN, undefined, { width, structParent: root, structType: 'P' });

  heading(`${input.committeeName} minutes`, 18, 'H1');
  const times =
    minutes.startedAt && minutes.endedAt
      ? `, commencing at ${formatTime(minutes.startedAt)} and concluding at ${formatTime(minutes.endedAt)}`
      : '';
  para(
    `Minutes of the meeting of the ${input.committeeName} held on ${formatDate(input.startsAt)}${venuePhrase(minutes.venue)}${times}.`,
  );
  doc.moveDown(0.4);
  if (minutes.approved) strong(approvalSentence(minutes.approvedAtMeeting), '#00703c');
  else {
    strong(
      'DRAFT: not yet approved. These minutes become the formal record when the committee approves them at a later meeting.',
      '#d4351c',
    );
  }
  doc
    .font('Helvetica')
    .fontSize(9)
    .fillColor('#505a5f')
    .text(`Version ${minutes.version}, published ${formatDateTime(minutes.publishedAt)}.`, {
      width,
      structParent: root,
      structType: 'P',
    })
    .fillColor('black');

  heading('Members present');
  para(attendeeNames(minutes.present) || 'None recorded.');
  if (minutes.inAttendance.length > 0) {
    heading('Others in attendance');
    para(attendeeNames(minutes.inAttendance));
  }
  heading('Apologies');
  para(attendeeNames(minutes.apologies) || 'None.');
  if (minutes.absent.length > 0) {
    heading('Absent');
    para(attendeeNames(minutes.absent));
  }
  heading('Declarations of interest');
  if (minutes.declarations.length === 0) para('No interests were declared.');
  for (const d of minutes.declarations) para(declarationSentence(d));

  for (const item of minutes.items) {
    heading(`${item.number}. ${item.title}`, 13);
    if (item.withheld) {
      para(withheldNotice(item));
      continue;
    }
    for (const block of safeMarkdownToPlain(item.minuteText).split(/\n\s*\n/)) {
      // Paragraphs and runs of bullets, in their order: each run of bullets one list.
      let bullets: string[] = [];
      for (const line of block.split(/\n(?=• )/)) {
        if (line.startsWith('• ')) {
          bullets.push(`•  ${line.slice(2).replace(/\s*\n\s*/g, ' ')}`);
          continue;
        }
        if (bullets.length > 0) list(bullets);
        bullets = [];
        if (line.trim() !== '') para(line.replace(/\s*\n\s*/g, ' '));
      }
      if (bullets.length > 0) list(bullets);
    }
    if (item.resolutions.length > 0) {
      doc.moveDown(0.4);
      strong('RESOLVED:');
      if (item.resolutions.length > 1) list(item.resolutions.map((r, i) => `${i + 1}.  ${r.text}`));
      else para(item.resolutions[0]?.text ?? '', { indent: 14 });
    }
    for (const a of item.actions) {
      const p = doc.struct('P');
      root.add(p);
      doc
        .moveDown(0.3)
        .font('Helvetica-Bold')
        .fontSize(10.5)
        .text('ACTION: ', MARGIN, undefined, { width, continued: true, structParent: p, structType: 'Span' })
        .font('Helvetica')
        .text(actionLine(a), { structParent: p, structType: 'Span' });
    }
    for (const q of item.questions) {
      doc.moveDown(0.4);
      strong(`Question ${q.number} from ${q.askerName}${q.askerOrganisation ? `, ${q.askerOrganisation}` : ''}`);
      for (const block of q.text.split(/\n\s*\n/)) para(block.replace(/\s*\n\s*/g, ' '), { indent: 14 });
      if (q.answerText) {
        para(q.answerKind === 'oral' ? 'Answered at the meeting:' : 'Answered in writing:', { indent: 14 });
        for (const block of q.answerText.split(/\n\s*\n/)) para(block.replace(/\s*\n\s*/g, ' '), { indent: 28 });
        if (q.answeredBy) para(q.answeredBy, { indent: 28 });
      }
      if (q.supplementaryQuestion) {
        para(`Supplementary question: ${q.supplementaryQuestion}`, { indent: 14 });
        if (q.supplementaryAnswer) para(`Answer: ${q.supplementaryAnswer}`, { indent: 14 });
      }
    }
  }

  if (minutes.amendments.length > 0) {
    heading('Amendments since approval', 13);
    minutes.amendments.forEach((a, i) => {
      para(
        `${i + 1}. ${a.itemNumber === null ? '' : `Item ${a.itemNumber}: `}${a.text ?? 'An amendment to an item not for publication.'}`,
      );
      if (a.reason) para(`${a.reason} Recorded ${formatDateTime(a.recordedAt)}.`, { indent: 14 });
    });
  }
  root.end();

  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    // The footer sits in the bottom margin: lift the margin so writing there does not start a new page.
    doc.page.margins.bottom = 0;
    // Page furniture, not content: an artifact a screen reader skips.
    doc.markContent('Artifact', { type: 'Pagination' });
    doc
      .font('Helvetica')
      .fontSize(8.5)
      .fillColor('#505a5f')
      .text(
        `${minutes.approved ? 'Approved minutes' : 'Draft minutes'}, ${formatDate(input.startsAt)}. Page ${i + 1} of ${range.count}`,
        MARGIN,
        A4[1] - MARGIN,
        {
          width,
          align: 'center',
          lineBreak: false,
        },
      );
    doc.endMarkedContent();
  }
  return renderPdfKit(doc);
}
