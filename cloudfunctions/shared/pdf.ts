import path from 'node:path'

/**
 * The CJK font every PDF is set in (WenQuanYi Micro Hei cut to GB2312, see fonts/README.md). The
 * build copies fonts/ beside each function whose code makes PDFs; in the sources it is here.
 */
export const PDF_FONT = path.join('fonts', 'wqy-microhei-gb2312.ttf')

export type PdfDocument = PDFKit.PDFDocument

/**
 * A PDF drawn by `draw` on A4 paper, set in the CJK font (PDFKit embeds only the glyphs used).
 * PDFKit is loaded here, on first use, so no other action of the function pays for it.
 */
export async function renderPdf(
  options: { title: string; layout?: 'portrait' | 'landscape' },
  draw: (doc: PdfDocument) => void,
): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit')
  const doc = new PDFDocument({
    size: 'A4',
    layout: options.layout ?? 'portrait',
    margin: 48,
    font: path.join(__dirname, PDF_FONT),
    info: { Title: options.title, Producer: '共建 Gongjian', Creator: '共建 Gongjian' },
  })
  const chunks: Buffer[] = []
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  draw(doc)
  doc.end()
  return done
}
