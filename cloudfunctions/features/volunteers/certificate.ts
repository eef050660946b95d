export interface CertificateContent {
  volunteerName: string
  organizerName: string
  hours: string
  period: { from: string; to: string }
  code: string
  issuedOn: string
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
}

function escapeXml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => ESCAPES[character])
}

/**
 * A certificate of volunteer hours as an SVG image: plain text and shapes, so a cloud function
 * draws it without fonts or native binaries, and the phone renders it with its own CJK fonts.
 */
export function renderCertificateSvg(content: CertificateContent): string {
  const line = (y: number, size: number, text: string, weight = 'normal') =>
    `<text x="400" y="${y}" font-size="${size}" font-weight="${weight}" text-anchor="middle">${escapeXml(text)}</text>`
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="560" viewBox="0 0 800 560" font-family="Noto Sans CJK SC, PingFang SC, Microsoft YaHei, sans-serif">',
    '<rect width="800" height="560" fill="#fffaf0"/>',
    '<rect x="20" y="20" width="760" height="520" fill="none" stroke="#d4380d" stroke-width="6"/>',
    line(110, 40, '志愿服务时长证明', 'bold'),
    line(190, 24, `兹证明志愿者 ${content.volunteerName}`),
    line(240, 24, `于 ${content.period.from} 至 ${content.period.to} 期间`),
    line(290, 24, `在${content.organizerName}参加志愿服务`),
    line(350, 32, `累计服务时长 ${content.hours} 小时`, 'bold'),
    line(430, 22, content.organizerName),
    line(465, 18, `出具日期 ${content.issuedOn}`),
    line(510, 16, `验证码 ${content.code}（可在共建小程序中核验）`),
    '</svg>',
  ].join('')
}
