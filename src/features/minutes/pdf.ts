import PDFDocument from 'pdfkit';
import { formatDate, formatDateTime, formatTime } from '../../lib/dates';
import { A4, MARGIN, renderPdfKit } from '../../lib/pdfkit';
import { safeMarkdownToPlain } from '../../lib/safe-markdown';
import { actionLine, approvalSentence, attendeeNames, declarationSentence, withheldNotice } from '../../lib/wording';
import type { PublicMinutes } from './queries';

export interface MinutesPdfInput {
  committeeName: string;
  startsAt: Date;
  /** Already public: exempt content and sensitive interests removed. */
  minutes: PublicMinutes;
}

/** The published minutes as a PDF laid out as clerks lay them out, every page numbered. */
export function minutesPdf(input: MinutesPdfInput): Promise<Uint8Array> {
  const { minutes } = input;
  const doc = new PDFDocument({
    size: A4,
    margins: { top: MARGIN, bottom: MARGIN + 20, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: {
      Title: `${input.committeeName}: minutes of ${formatDate(input.startsAt)}`,
      Author: input.committeeName,
      Subject: minutes.approved ? 'Approved minutes' : 'Draft minutes, not yet approved',
    },
  });
  const width = A4[0] - 2 * MARGIN;
  const heading = (text: string, size = 12) =>
    doc.moveDown(0.6).font('Helvetica-Bold').fontSize(size).fillColor('black').text(text, MARGIN, undefined, { width });
  const para = (text: string, options: { indent?: number } = {}) =>
    doc
      .moveDown(0.3)
      .font('Helvetica')
      .fontSize(10.5)
      .fillColor('black')
      .text(text, MARGIN + (options.indent ?? 0), undefined, { width: width - (options.indent ?? 0), lineGap: 1.5 });

  doc.font('Helvetica-Bold').fontSize(18).text(`${input.committeeName} minutes`, { width });
  const times =
    minutes.startedAt && minutes.endedAt
      ? `, commencing at ${formatTime(minutes.startedAt)} and concluding at ${formatTime(minutes.endedAt)}`
      : '';
  para(
    `Minutes of the meeting of the ${input.committeeName} held on ${formatDate(input.startsAt)}${minutes.venue ? ` at ${minutes.venue}` : ''}${times}.`,
  );
  doc.moveDown(0.4);
  if (minutes.approved) {
    doc
      .font('Helvetica-Bold')
      .fontSize(10.5)
      .fillColor('#00703c')
      .text(approvalSentence(minutes.approvedAtMeeting), { width });
  } else {
    doc
      .font('Helvetica-Bold')
      .fontSize(10.5)
      .fillColor('#d4351c')
      .text(
        'DRAFT: not yet approved. These minutes become the formal record when the committee approves them at a later meeting.',
        { width },
      );
  }
  doc
    .font('Helvetica')
    .fontSize(9)
    .fillColor('#505a5f')
    .text(`Version ${minutes.version}, published ${formatDateTime(minutes.publishedAt)}.`, { width })
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
      for (const line of block.split(/\n(?=• )/)) {
        if (line.startsWith('• ')) para(`•  ${line.slice(2).replace(/\s*\n\s*/g, ' ')}`, { indent: 14 });
        else if (line.trim() !== '') para(line.replace(/\s*\n\s*/g, ' '));
      }
    }
    if (item.resolutions.length > 0) {
      doc.moveDown(0.4).font('Helvetica-Bold').fontSize(10.5).text('RESOLVED:', MARGIN, undefined, { width });
      item.resolutions.forEach((r, i) =>
        para(item.resolutions.length > 1 ? `${i + 1}.  ${r.text}` : r.text, { indent: 14 }),
      );
    }
    for (const a of item.actions) {
      doc
        .moveDown(0.3)
        .font('Helvetica-Bold')
        .fontSize(10.5)
        .text('ACTION: ', MARGIN, undefined, { width, continued: true })
        .font('Helvetica')
        .text(actionLine(a));
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

  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    // The footer sits in the bottom margin: lift the margin so writing there does not start a new page.
    doc.page.margins.bottom = 0;
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
  }
  return renderPdfKit(doc);
}
