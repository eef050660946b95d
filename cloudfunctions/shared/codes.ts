import { randomInt } from 'node:crypto'

// No 0/O, 1/I: codes are read aloud and typed in by hand.
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'

/** A random code: 6 characters (32^6 ≈ 10^9) for check-in, longer where it grants something. */
export function randomCode(length = 6): string {
  return Array.from({ length }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('')
}

/** A random 6-digit code, for codes read out at a door. */
export function digitCode(): string {
  return String(randomInt(1_000_000)).padStart(6, '0')
}

/** Draws codes until one is not taken. */
export async function unusedCode(
  draw: () => string,
  isTaken: (code: string) => Promise<boolean>,
): Promise<string> {
  for (;;) {
    const code = draw()
    if (!(await isTaken(code))) return code
  }
}
