import { useRouter } from '@tarojs/taro'
import { parseScene, type Scene } from '../../cloudfunctions/shared/scenes'

/** The scene of the mini-program code that opened this page (its `scene` query), if any. */
export function useScene(): Scene | undefined {
  return parseScene(useRouter().params.scene)
}
