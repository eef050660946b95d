import { renderPdf } from '../../shared/pdf'

export interface CertificateContent {
  volunteerName: string
  organizerName: string
  hours: string
  period: { from: string; to: string }
  code: string
  issuedOn: string
}

const RED = '#d4380d'

/**
 * A certificate of volunteer hours as a PDF (A4 landscape), its text in the embedded CJK font so
 * it prints and reads the same everywhere, with the mini-program code that opens its verification.
 */
export function renderCertificatePdf(content: CertificateContent, code: Buffer): Promise<Buffer> {
  return renderPdf({ title: `志愿服务时长证明 ${content.code}`, layout: 'landscape' }, (doc) => {
    const { width, height } = doc.page
    doc.rect(0, 0, width, height).fill('#fffaf0')
    doc
      .lineWidth(6)
      .rect(24, 24, width - 48, height - 48)
      .stroke(RED)
    const line = (y: number, size: number, text: string, color = '#222222') =>
      doc
        .fillColor(color)
        .fontSize(size)
        .text(text, 60, y, { width: width - 120, align: 'center' })
    line(80, 36, '志愿服务时长证明', RED)
    line(170, 20, `兹证明志愿者 ${content.volunteerName}`)
    line(210, 20, `于 ${content.period.from} 至 ${content.period.to} 期间`)
    line(250, 20, `在${content.organizerName}参加志愿服务`)
    line(300, 28, `累计服务时长 ${content.hours} 小时`, RED)
    line(380, 18, content.organizerName)
    line(410, 14, `出具日期 ${content.issuedOn}`)
    doc.image(code, width - 190, height - 200, { width: 120 })
    doc
      .fillColor('#555555')
      .fontSize(12)
      .text(`验证码 ${content.code}`, 60, height - 110)
      .text('微信扫描右侧小程序码，或在共建小程序「证明核验」中输入验证码核验', 60, height - 90)
  })
}
