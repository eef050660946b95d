import { Cell, Rate } from '@nutui/nutui-react-taro'
import { Text } from '@tarojs/components'
import { useState } from 'react'
import { call } from '../../../services/cloud'

/** A served resident's one-tap rating: tapping a star sends it. */
export function RateRow({
  projectId,
  myRating,
  onRated,
}: {
  projectId: string
  myRating?: number
  onRated: () => Promise<void>
}) {
  const [error, setError] = useState<string>()
  const rate = async (stars: number) => {
    const result = await call('projects', 'rate', { projectId, stars })
    if (!result.ok) return setError(result.error.message)
    await onRated()
  }
  return (
    <Cell title={myRating ? `我的评价：${myRating} 分` : '为这项服务打分'}>
      <Rate
        value={myRating ?? 0}
        readOnly={Boolean(myRating)}
        onChange={(stars) => void rate(stars)}
      />
      {error && <Text className='project-form__error'>{error}</Text>}
    </Cell>
  )
}
