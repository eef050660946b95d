// Why a proposal fits and why a need went without, in plain Chinese a community worker reads.
import { distanceKm, kindFitOf, overlapOf, seatsFit, serviceAreaLevel, windowsOverlap } from './fit'
import { sharedPhrases, type TextFit } from './textSimilarity'
import { placeIdOf, situationIdOf, TupleIds } from './tupleIds'
import type { MatchingInput, MatchingNeed, MatchingResource } from './types'

const DEFAULT_PERIOD_NAME = '本期'

function kindLabel(input: MatchingInput, kind: string): string {
  return input.kindLabels?.[kind] ?? kind
}

/**
 * The reasons of one proposal: what the provider offers and what is left of it in the period,
 * where it serves and how far away it is, why it fits this need, then the details.
 */
export function explainProposal(
  allocation: { need: number; resource: number; units: number; textFit: TextFit },
  servedUnits: number,
  input: MatchingInput,
): string[] {
  const need = input.needs[allocation.need]
  const resource = input.resources[allocation.resource]
  const period = input.periodName ?? DEFAULT_PERIOD_NAME
  const reasons: string[] = []
  reasons.push(
    `${resource.providerName}提供「${resource.title}」${resource.offer ? `，${resource.offer}` : ''}，` +
      `${period}剩余 ${resource.remaining} ${resource.unit}`,
  )

  const level = serviceAreaLevel(resource, need)
  const area =
    level === 'community'
      ? `服务范围含${need.communityName}`
      : level === 'street'
        ? `服务范围含${input.streets?.[need.streetId]?.name ?? '该社区所在街道'}`
        : '服务全区'
  const km = distanceKm(input.communities[need.communityId]?.location, resource.location)
  reasons.push(
    km === undefined
      ? `${area}，位置信息不全`
      : `${area}，距${need.communityName} ${km.toFixed(1)} 公里`,
  )

  const label = kindLabel(input, need.kind)
  if (kindFitOf(resource, need) === 'hosted') {
    reasons.push(
      `场地${resource.seats ? `可容纳 ${resource.seats} 人，` : ''}可承接「${label}」` +
        (need.seats ? `（需要容纳 ${need.seats} 人）` : ''),
    )
  } else if (resource.seats && need.seats) {
    reasons.push(`场地可容纳 ${resource.seats} 人，满足容纳 ${need.seats} 人的需要`)
  }
  const phrases = sharedPhrases(need.title, `${resource.title}\u0000${resource.description ?? ''}`)
  if (allocation.textFit === 'same' && phrases.length > 0) {
    reasons.push(`与需求「${need.title}」说的是同一件事：都是「${phrases[0]}」`)
  } else if (allocation.textFit !== 'none' && phrases.length > 0) {
    reasons.push(`内容相近：都提到「${phrases.slice(0, 2).join('」「')}」`)
  } else if (kindFitOf(resource, need) === 'own') {
    reasons.push(`同属「${label}」服务`)
  }
  if (input.communities[need.communityId]?.partners?.includes(resource.providerId)) {
    reasons.push(`已在${need.communityName}开展共建项目`)
  }
  reasons.push(
    resource.rating === undefined
      ? '暂无组织评分'
      : `组织评分 ${Math.round(resource.rating * 10) / 10}（满分 5）`,
  )
  const overlap = need.window && resource.window && overlapOf(need.window, resource.window)
  if (overlap) reasons.push(`服务时间与需求时间重叠（${overlap.from} 至 ${overlap.to}）`)

  const { units } = allocation
  const { quantity, unit } = need
  if (need.whole && quantity > 1) {
    reasons.push(`整体承接 ${units} ${unit}（该需求须由一家完成）`)
  } else if (units === quantity) {
    reasons.push(`安排 ${units} ${unit}，满足该需求的全部数量`)
  } else {
    const rest = servedUnits === quantity ? '其余由其他资源承接' : `仍缺 ${quantity - servedUnits}`
    reasons.push(`安排 ${units} ${unit}（该需求共 ${quantity} ${unit}，${rest}）`)
  }
  return reasons
}

/**
 * The true reason a need is not (fully) served: the first rule no resource gets past (kind, unit,
 * area, place size, time, what is left in the period, one provider for a whole need), or else
 * that what was left went to other needs. Resources are indexed by kind; situations are cached.
 */
export class UnservedExplainer {
  private readonly byKind = new Map<string, MatchingResource[]>()
  private readonly ids = new TupleIds()
  private readonly cache = new Map<number, { reason?: string; mostLeft: number }>()

  constructor(private readonly input: MatchingInput) {
    for (const resource of input.resources) {
      for (const kind of new Set([resource.kind, ...(resource.hosts ?? [])])) {
        const list = this.byKind.get(kind) ?? []
        list.push(resource)
        this.byKind.set(kind, list)
      }
    }
  }

  reasonFor(need: MatchingNeed, servedUnits: number): string {
    const period = this.input.periodName ?? DEFAULT_PERIOD_NAME
    const label = kindLabel(this.input, need.kind)
    const { reason, mostLeft } = this.situationOf(need)
    if (reason) return reason
    if (need.whole && need.quantity > 1 && mostLeft < need.quantity) {
      return `须由一家整体承接 ${need.quantity} ${need.unit}，但${period}剩余最多的资源只有 ${mostLeft} ${need.unit}`
    }
    const taken = `${period}剩余的「${label}」已安排给优先级更高或更合适的需求`
    return servedUnits > 0
      ? `已安排 ${servedUnits} ${need.unit}，其余 ${need.quantity - servedUnits} ${need.unit}：${taken}`
      : taken
  }

  private situationOf(need: MatchingNeed): { reason?: string; mostLeft: number } {
    const key = situationIdOf(this.ids, placeIdOf(this.ids, need), need)
    let found = this.cache.get(key)
    if (!found) {
      found = this.judge(need)
      this.cache.set(key, found)
    }
    return found
  }

  private judge(need: MatchingNeed): { reason?: string; mostLeft: number } {
    const period = this.input.periodName ?? DEFAULT_PERIOD_NAME
    const label = kindLabel(this.input, need.kind)
    const offering = this.byKind.get(need.kind) ?? []
    if (offering.length === 0)
      return { reason: `资源清单中没有提供「${label}」的资源`, mostLeft: 0 }
    // One pass counting how far the offerings get through the rules: no list per situation.
    let counted = 0
    let covering = 0
    let roomy = 0
    let timely = 0
    let mostSeats = 0
    let mostLeft = 0
    for (const resource of offering) {
      if (!kindFitOf(resource, need)) continue
      counted++
      if (!serviceAreaLevel(resource, need)) continue
      covering++
      mostSeats = Math.max(mostSeats, resource.seats ?? 0)
      if (!seatsFit(need, resource)) continue
      roomy++
      if (!windowsOverlap(need.window, resource.window)) continue
      timely++
      mostLeft = Math.max(mostLeft, resource.remaining)
    }
    if (counted === 0) {
      const units = [...new Set(offering.map((resource) => resource.unit))].join('、')
      return {
        reason: `提供「${label}」的资源按「${units}」计，本需求按「${need.unit}」计，无法对应`,
        mostLeft: 0,
      }
    }
    if (covering === 0) {
      return { reason: `提供「${label}」的资源，服务范围都不含${need.communityName}`, mostLeft: 0 }
    }
    if (roomy === 0) {
      return {
        reason: `能承接的场地最多容纳 ${mostSeats} 人，本需求需要容纳 ${need.seats} 人`,
        mostLeft: 0,
      }
    }
    if (timely === 0) {
      const when = need.window ? `（${need.window.from} 至 ${need.window.to}）` : ''
      return {
        reason: `提供「${label}」的资源，服务时间都与需求时间${when}不重叠`,
        mostLeft: 0,
      }
    }
    if (mostLeft === 0) {
      return { reason: `提供「${label}」的资源${period}已全部用完`, mostLeft }
    }
    return { mostLeft }
  }
}
