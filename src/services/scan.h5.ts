export const canScan = false

export async function scanCode() {
  return undefined
}
