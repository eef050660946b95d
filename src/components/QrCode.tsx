import { Image, Text, View } from '@tarojs/components'
import qrcode from 'qrcode-generator'
import { useMemo } from 'react'

/**
 * A value as a QR image (a GIF data URL: no canvas, same on weapp and H5) with a caption: a
 * booking's check-in code, an invitation's page.
 */
export function QrCode({ value, caption }: { value: string; caption: string }) {
  const source = useMemo(() => {
    const qr = qrcode(0, 'M')
    qr.addData(value)
    qr.make()
    return qr.createDataURL(6, 2)
  }, [value])
  return (
    <View className='check-in-code'>
      <Image className='check-in-code__qr' src={source} mode='aspectFit' />
      <Text className='check-in-code__digits'>{caption}</Text>
    </View>
  )
}
