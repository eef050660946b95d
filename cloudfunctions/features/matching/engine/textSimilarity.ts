// Whether an offering's title and description say the same thing as a need's, on Chinese text.
//
// Character bigrams rather than a segmenter: the lines are short (a title of 4–15 characters and a
// sentence or two), a shared bigram such as 助学, 死角 or 摄影 is already a shared word, and bigrams
// need no dictionary (jieba's is several MB and slow to load in a cloud function; ICU's
// Intl.Segmenter changes with the Node version, so results would drift between runtimes). Bigrams
// every line shares (服务, 社区, 志愿 …) are left out. The measure is the Sørensen–Dice
// coefficient, on the titles and on the whole text.

/** none: nothing in common beyond the service kind; related: the texts share content; same: the titles name the same thing. */
export type TextFit = 'none' | 'related' | 'same'

/** Bigrams that every kind of line uses, which say nothing about what is asked or offered. */
const GENERIC_BIGRAMS = new Set([
  '服务',
  '社区',
  '志愿',
  '愿者',
  '愿服',
  '活动',
  '开展',
  '提供',
  '居民',
  '需要',
  '组织',
  '协助',
  '每年',
  '每月',
  '至少',
  '不少',
  '少于',
  '共建',
  '我们',
  '可以',
  '进行',
  '帮助',
  '一次',
  '定期',
  // Who is served is said by the focus groups (一老一小一新一特), not by what is done.
  '老年',
  '年人',
  '中老',
  '老人',
  '儿童',
  '青少',
  '少年',
  '妇女',
])

const HAN_PAIR = /^[\u4e00-\u9fff]{2}$/
const SAME_TITLE_DICE = 0.5
/** The shorter title almost wholly inside the longer one (助学名额 in 困难集体助学名额). */
const SAME_TITLE_CONTAINED = 0.8
const RELATED_TITLE_DICE = 0.25
const RELATED_TEXT_DICE = 0.15

/** A text reduced to what the comparison needs: its bigrams as sorted ids, title apart. */
export interface TextProfile {
  title: string
  titleGrams: Int32Array
  allGrams: Int32Array
}

/** Interns bigrams as integers so profiles compare by merging sorted arrays. */
export class TextProfiles {
  private readonly ids = new Map<string, number>()
  private readonly byText = new Map<string, TextProfile>()

  profile(title: string, description = ''): TextProfile {
    const key = `${title}\u0000${description}`
    let found = this.byText.get(key)
    if (!found) {
      found = {
        title,
        titleGrams: this.gramsOf(title),
        allGrams: this.gramsOf(`${title}\u0000${description}`),
      }
      this.byText.set(key, found)
    }
    return found
  }

  private gramsOf(text: string): Int32Array {
    const grams = new Set<number>()
    // Runs of Han characters, letters and digits; punctuation and spaces break a run.
    for (const run of text.toLowerCase().match(/[\u4e00-\u9fff]+|[a-z0-9]+/g) ?? []) {
      if (run.length === 1) grams.add(this.idOf(run))
      for (let at = 0; at + 1 < run.length; at++) {
        const gram = run.slice(at, at + 2)
        if (!GENERIC_BIGRAMS.has(gram)) grams.add(this.idOf(gram))
      }
    }
    return Int32Array.from(grams).sort()
  }

  private idOf(gram: string): number {
    let id = this.ids.get(gram)
    if (id === undefined) {
      id = this.ids.size
      this.ids.set(gram, id)
    }
    return id
  }
}

function sharedCount(first: Int32Array, second: Int32Array): number {
  let shared = 0
  let i = 0
  let j = 0
  while (i < first.length && j < second.length) {
    if (first[i] === second[j]) {
      shared++
      i++
      j++
    } else if (first[i] < second[j]) i++
    else j++
  }
  return shared
}

function dice(first: Int32Array, second: Int32Array, shared = sharedCount(first, second)): number {
  const size = first.length + second.length
  return size === 0 ? 0 : (2 * shared) / size
}

export function textFitOf(need: TextProfile, offering: TextProfile): TextFit {
  const titlesShared = sharedCount(need.titleGrams, offering.titleGrams)
  const shorter = Math.min(need.titleGrams.length, offering.titleGrams.length)
  if (
    dice(need.titleGrams, offering.titleGrams, titlesShared) >= SAME_TITLE_DICE ||
    (shorter >= 2 && titlesShared >= SAME_TITLE_CONTAINED * shorter)
  ) {
    return 'same'
  }
  const related =
    dice(need.titleGrams, offering.titleGrams, titlesShared) >= RELATED_TITLE_DICE ||
    dice(need.allGrams, offering.allGrams) >= RELATED_TEXT_DICE
  return related ? 'related' : 'none'
}

/**
 * The phrases two texts share, longest first, as a worker would quote them: runs of the first
 * text's characters whose every bigram also occurs in the second (助学名额, 手机).
 */
export function sharedPhrases(first: string, second: string): string[] {
  const grams = new Set<string>()
  for (let at = 0; at + 1 < second.length; at++) grams.add(second.slice(at, at + 2))
  const phrases: string[] = []
  let start = -1
  const close = (end: number) => {
    if (start >= 0 && end - start >= 2) {
      const phrase = first.slice(start, end)
      const meaningful = [...Array(phrase.length - 1).keys()].some(
        (at) => !GENERIC_BIGRAMS.has(phrase.slice(at, at + 2)),
      )
      if (meaningful && !phrases.some((kept) => kept.includes(phrase))) phrases.push(phrase)
    }
    start = -1
  }
  for (let at = 0; at + 1 < first.length; at++) {
    const gram = first.slice(at, at + 2)
    if (HAN_PAIR.test(gram) && grams.has(gram)) {
      if (start < 0) start = at
    } else close(at + 1)
  }
  close(first.length)
  return phrases.sort((a, b) => b.length - a.length)
}
