import PDFDocument from "pdfkit";
import type { BookletQuery, LeadershipLevel, ModelContent } from "./model.schema.js";

/** What a printout shows: the model as published, and which version, so a printed page can be dated. */
export interface BookletSource {
  modelName: string;
  versionNumber: number;
  content: ModelContent;
}

export const LEVEL_TITLES: Record<LeadershipLevel, string> = {
  supervisor: "Supervisors",
  manager: "Managers",
  director: "Directors",
};

type Doc = PDFKit.PDFDocument;

/** The built-in PDF fonts need no font files, and every PDF reader has them. */
const REGULAR = "Helvetica";
const BOLD = "Helvetica-Bold";
const OBLIQUE = "Helvetica-Oblique";

const textWidth = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
const bottom = (doc: Doc) => doc.page.height - doc.page.margins.bottom;

/** Starts a new page when a block would not fit, so a heading never sits alone at a page's foot. */
function keepTogether(doc: Doc, height: number) {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

function heightOf(doc: Doc, font: string, size: number, text: string) {
  return doc
    .font(font)
    .fontSize(size)
    .heightOfString(text, { width: textWidth(doc) });
}

function paragraph(doc: Doc, font: string, size: number, text: string, gap = 4) {
  if (!text) return;
  doc
    .font(font)
    .fontSize(size)
    .fillColor("#000")
    .text(text, { width: textWidth(doc) });
  doc.moveDown(gap / size);
}

function versionLine(source: BookletSource) {
  return `${source.modelName} · version ${source.versionNumber}`;
}

/** Pocket size: a cover with the values, then each element with its behaviors' pocket wording. */
function pocketBooklet(doc: Doc, source: BookletSource) {
  paragraph(doc, BOLD, 16, source.modelName, 8);
  paragraph(doc, REGULAR, 9, `Pocket booklet · version ${source.versionNumber}`, 10);
  if (source.content.values.length > 0) {
    paragraph(doc, BOLD, 11, "Our values", 4);
    for (const value of source.content.values) {
      keepTogether(doc, heightOf(doc, BOLD, 9, value.name) + 12);
      paragraph(doc, BOLD, 9, value.name, 1);
      paragraph(doc, REGULAR, 8, value.description, 5);
    }
  }
  for (const element of source.content.elements) {
    doc.addPage();
    paragraph(doc, BOLD, 13, `${element.code} ${element.name}`, 6);
    for (const behavior of element.behaviors) {
      const title = `${behavior.code} ${behavior.shortName}`;
      const body = behavior.pocketText || behavior.description;
      keepTogether(doc, heightOf(doc, BOLD, 9, title) + heightOf(doc, REGULAR, 9, body) + 6);
      paragraph(doc, BOLD, 9, title, 1);
      paragraph(doc, REGULAR, 9, body, 6);
    }
  }
}

/** One element on a full page: what it is, and each behavior in full with its pocket wording. */
function elementPage(doc: Doc, source: BookletSource, elementId: string) {
  const element = source.content.elements.find((e) => e.id === elementId);
  if (!element) return;
  paragraph(doc, REGULAR, 9, versionLine(source), 6);
  paragraph(doc, BOLD, 20, `${element.code} ${element.name}`, 8);
  paragraph(doc, REGULAR, 11, element.description, 12);
  for (const behavior of element.behaviors) {
    const title = `${behavior.code} ${behavior.shortName}`;
    keepTogether(doc, heightOf(doc, BOLD, 12, title) + heightOf(doc, REGULAR, 10, behavior.description) + 20);
    paragraph(doc, BOLD, 12, title, 2);
    paragraph(doc, REGULAR, 10, behavior.description, 3);
    if (behavior.pocketText) paragraph(doc, OBLIQUE, 10, `In your pocket: ${behavior.pocketText}`, 10);
  }
}

/** The leadership behaviors as one level lives them, grouped under their commitments. */
function leadershipPage(doc: Doc, source: BookletSource, level: LeadershipLevel) {
  paragraph(doc, REGULAR, 9, versionLine(source), 6);
  paragraph(doc, BOLD, 20, `Leadership behaviors for ${LEVEL_TITLES[level].toLowerCase()}`, 12);
  for (const commitment of source.content.leadership) {
    keepTogether(doc, heightOf(doc, BOLD, 14, commitment.name) + 40);
    paragraph(doc, BOLD, 14, commitment.name, 6);
    for (const behavior of commitment.behaviors) {
      const title = `${behavior.code} ${behavior.name}`;
      const body = behavior.variants[level];
      keepTogether(doc, heightOf(doc, BOLD, 11, title) + heightOf(doc, REGULAR, 10, body) + 8);
      paragraph(doc, BOLD, 11, title, 2);
      paragraph(doc, REGULAR, 10, body, 8);
    }
  }
}

/** A quiet footer on every page, so loose cards and sheets can be put back in order. */
function numberPages(doc: Doc, source: BookletSource) {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const { margins } = doc.page;
    // Writing inside the bottom margin must not start a new page, so the margin is lifted while writing.
    const bottomMargin = margins.bottom;
    margins.bottom = 0;
    doc
      .font(REGULAR)
      .fontSize(7)
      .fillColor("#555")
      .text(
        `${versionLine(source)} · page ${i + 1} of ${count}`,
        margins.left,
        doc.page.height - bottomMargin / 2 - 4,
        {
          width: textWidth(doc),
          align: "center",
          lineBreak: false,
        },
      );
    margins.bottom = bottomMargin;
  }
}

/** Renders a printout as a PDF; the caller has checked that the element or level exists. */
export function renderBookletPdf(source: BookletSource, query: BookletQuery): Promise<Buffer> {
  const pocket = query.kind === "booklet";
  const doc = new PDFDocument({
    size: pocket ? "A6" : "LETTER",
    margins: pocket ? { top: 28, bottom: 28, left: 24, right: 24 } : { top: 54, bottom: 54, left: 60, right: 60 },
    info: { Title: `${source.modelName} (version ${source.versionNumber})`, Creator: "Cascade" },
    bufferPages: true,
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  if (query.kind === "booklet") pocketBooklet(doc, source);
  else if (query.kind === "element") elementPage(doc, source, query.elementId ?? "");
  else leadershipPage(doc, source, query.level ?? "supervisor");
  numberPages(doc, source);
  doc.end();
  return done;
}
