import { Text, View } from '@tarojs/components'
import type { PropsWithChildren } from 'react'
import './Field.scss'

/**
 * A form row whose label stays on screen above its control. NutUI's Cell drops its title as soon as
 * it has children, which left numbers and stars on the publish forms without a word of what they are.
 */
export function Field({ label, children }: PropsWithChildren<{ label: string }>) {
  return (
    <View className='field'>
      <Text className='field__label'>{label}</Text>
      <View className='field__control'>{children}</View>
    </View>
  )
}
