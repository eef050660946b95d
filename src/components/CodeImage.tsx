import { Image, Text, View } from '@tarojs/components'
import type { Result } from '../../cloudfunctions/features/api'
import type { CodeImageView } from '../../cloudfunctions/shared/scenes'
import { useCloudQuery } from '../hooks/useCloudQuery'
import './CodeImage.scss'

/** A mini-program code made by the cloud, to be shown or printed, with what scanning it does. */
export function CodeImage({
  load,
  caption,
}: {
  /** Stable across renders (wrap it in useCallback). */
  load: () => Promise<Result<CodeImageView>>
  caption: string
}) {
  const code = useCloudQuery(load)
  return (
    <View className='code-image'>
      {code.data && (
        <Image className='code-image__image' src={code.data.imageUrl} mode='aspectFit' />
      )}
      <Text className='code-image__caption'>{code.error ? code.error.message : caption}</Text>
    </View>
  )
}
