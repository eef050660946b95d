// What a mini-program code carries (its `scene`, at most 32 characters) and the page it opens.
// Pure: the functions make the codes, the app reads the scene of the code that opened a page, or
// of one it scanned.

export type Scene =
  /** Posted at a stall event: a resident who booked checks in by scanning it. */
  | { kind: 'stallCheckIn'; eventId: string; key: string }
  /** Shown at a shift: a volunteer checks in and out by scanning it. */
  | { kind: 'shiftCheckIn'; shiftId: string; code: string }
  /** A volunteer's own code, which staff scan to check them in. */
  | { kind: 'volunteer'; code: string }
  /** Printed on a certificate of hours: opens its verification. */
  | { kind: 'certificate'; code: string }

/** A mini-program code as the app shows it: its scene and a temporary URL of its image. */
export interface CodeImageView {
  scene: string
  imageUrl: string
}

/** The page each kind of code opens (as wxacode takes it: no leading slash, no query). */
export const SCENE_PAGES: Record<Scene['kind'], string> = {
  stallCheckIn: 'packages/stalls/pages/event/index',
  shiftCheckIn: 'packages/volunteers/pages/shift/index',
  volunteer: 'packages/volunteers/pages/managed/index',
  certificate: 'packages/volunteers/pages/verify/index',
}

const PREFIXES = { stallCheckIn: 's', shiftCheckIn: 'h', volunteer: 'v', certificate: 'c' } as const
export const MAX_SCENE_LENGTH = 32
const PART = /^[A-Za-z0-9_-]+$/

/** The scene text, `<kind>.<part>[.<part>]`; ids and codes never contain a dot. */
export function sceneText(scene: Scene): string {
  const parts =
    scene.kind === 'stallCheckIn'
      ? [scene.eventId, scene.key]
      : scene.kind === 'shiftCheckIn'
        ? [scene.shiftId, scene.code]
        : [scene.code]
  const text = [PREFIXES[scene.kind], ...parts].join('.')
  if (text.length > MAX_SCENE_LENGTH || !parts.every((part) => PART.test(part))) {
    throw new Error(`scene ${text} does not fit a mini-program code`)
  }
  return text
}

/** The scene of a code; undefined for anything else (a scene arrives URL-encoded or not). */
export function parseScene(text: string | undefined): Scene | undefined {
  if (!text) return undefined
  let decoded = text
  try {
    decoded = decodeURIComponent(text)
  } catch {
    return undefined
  }
  const [prefix, first, second, ...rest] = decoded.split('.')
  if (rest.length > 0 || !first || !PART.test(first) || (second && !PART.test(second))) {
    return undefined
  }
  if (prefix === PREFIXES.stallCheckIn && second) {
    return { kind: 'stallCheckIn', eventId: first, key: second }
  }
  if (prefix === PREFIXES.shiftCheckIn && second) {
    return { kind: 'shiftCheckIn', shiftId: first, code: second }
  }
  if (second) return undefined
  if (prefix === PREFIXES.volunteer) return { kind: 'volunteer', code: first }
  if (prefix === PREFIXES.certificate) return { kind: 'certificate', code: first }
  return undefined
}

/** The scene in a scanned code's path (`page?scene=…`), as wx.scanCode answers for our own codes. */
export function sceneOfPath(path: string | undefined): Scene | undefined {
  const query = path?.split('?')[1]
  const scene = query
    ?.split('&')
    .find((pair) => pair.startsWith('scene='))
    ?.slice('scene='.length)
  return parseScene(scene)
}
