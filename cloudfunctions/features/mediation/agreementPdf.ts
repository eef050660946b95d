import { renderPdf } from '../../shared/pdf'
import { PARTY_SIDES, type MediationCase } from './domain'

/**
 * The mediation agreement (人民调解协议书) as a PDF, with the contents the People's Mediation Law
 * (第二十九条) requires: the parties, the facts and the matters in dispute, the terms agreed, and
 * how, where and by when they are performed; signed by the parties and the mediators.
 */
export function renderAgreementPdf(
  item: MediationCase,
  context: { communityName: string },
): Promise<Buffer> {
  const agreement = item.agreement
  if (!agreement) throw new Error(`case ${item._id} has no agreement`)
  return renderPdf({ title: `人民调解协议书 ${item.caseNo}` }, (doc) => {
    const width = doc.page.width - 96
    const heading = (text: string) =>
      doc.moveDown(0.8).fontSize(13).fillColor('#222222').text(text, { width })
    const body = (text: string) =>
      doc.moveDown(0.3).fontSize(12).fillColor('#333333').text(text, { width, lineGap: 4 })
    doc.fontSize(22).fillColor('#222222').text('人民调解协议书', { width, align: 'center' })
    doc
      .moveDown(0.5)
      .fontSize(11)
      .fillColor('#555555')
      .text(`${context.communityName}人民调解委员会    案号 ${item.caseNo}`, {
        width,
        align: 'center',
      })
    heading('当事人')
    for (const party of item.parties) body(`${PARTY_SIDES[party.side]}：${party.name}`)
    heading('纠纷主要事实、争议事项')
    body(agreement.facts)
    heading('经调解，当事人自愿达成如下协议')
    body(agreement.terms)
    heading('履行方式、地点、期限')
    body(
      `履行方式：${agreement.performance.how}；履行地点：${agreement.performance.where}；` +
        `履行期限：${agreement.performance.by} 前。`,
    )
    body(
      '本协议自各方当事人签名之日起生效，具有法律约束力，当事人应当按照约定履行。' +
        '人民调解不收取任何费用。本协议一式三份，当事人各执一份，人民调解委员会留存一份。',
    )
    heading('当事人签名')
    body(agreement.signatories.map((name) => `${name}（签名）________`).join('    '))
    heading('人民调解员签名')
    body(item.mediators.map((mediator) => `${mediator.name}（签名）________`).join('    '))
    doc
      .moveDown(1.5)
      .fontSize(12)
      .text(`${context.communityName}人民调解委员会（印章）`, { width, align: 'right' })
      .text(agreement.signedOn, { width, align: 'right' })
  })
}
