import Taro from '@tarojs/taro'
import { parseScene, sceneOfPath } from '../../cloudfunctions/shared/scenes'

export const canScan = true

export async function scanCode() {
  // Mini-program codes are read as QR codes (the answer's scanType says WX_CODE).
  const scanned = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] }).catch(
    () => undefined,
  )
  if (!scanned) return undefined
  // A code of this mini-program answers its page and scene in `path`; any other QR code, `result`.
  const scene = sceneOfPath(scanned.path) ?? parseScene(scanned.result)
  return { ...(scene ? { scene } : {}), text: scanned.result ?? '' }
}
