/** The one result shape every cloud action answers with. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: ResultError }

export interface ResultError {
  /** Stable, machine-readable code (see errors.ts). */
  code: string
  /** A sentence a resident can read, in Chinese. */
  message: string
}
