import { Image, Text, View } from '@tarojs/components'
import qrcode from 'qrcode-generator'
import { useMemo } from 'react'

/** The booking's check-in code as a QR image (a GIF data URL: no canvas, same on weapp and H5). */
export function CheckInQrCode({ code }: { code: string }) {
  const source = useMemo(() => {
    const qr = qrcode(0, 'M')
    qr.addData(code)
    qr.make()
    return qr.createDataURL(6, 2)
  }, [code])
  return (
    <View className='check-in-code'>
      <Image className='check-in-code__qr' src={source} mode='aspectFit' />
      <Text className='check-in-code__digits'>签到码 {code}</Text>
    </View>
  )
}
