import { COLLECTIONS, findById, insertIfAbsent } from './collections'

/** What a certificate of hours states; its id is the verification code printed on it. */
export interface CertificateRecord {
  _id: string
  volunteerId: string
  volunteerName: string
  organizerName: string
  minutes: number
  period: { from: string; to: string }
  issuedAt: Date
}

/** Keeps an issued certificate so its code can be verified; the same content keeps its code. */
export async function saveCertificate(certificate: CertificateRecord): Promise<void> {
  await insertIfAbsent(COLLECTIONS.volunteerCertificates, certificate)
}

export async function findCertificate(code: string): Promise<CertificateRecord | undefined> {
  return findById<CertificateRecord>(COLLECTIONS.volunteerCertificates, code)
}
