import { randomInt } from 'node:crypto'

// No 0/O, 1/I: codes are read aloud and typed in by hand.
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'

/** A random 6-character check-in code (32^6 ≈ 10^9 codes). */
export function randomCode(): string {
  return Array.from({ length: 6 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('')
}
