import { Button, TextArea } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import dayjs from 'dayjs'
import { useState } from 'react'
import type { PersonalNeedDetailView } from '../../../../cloudfunctions/features/api'

/** The messages between the resident and those handling the need, and a box to add one. */
export function NeedThread({
  need,
  onReply,
}: {
  need: PersonalNeedDetailView
  onReply: (text: string) => Promise<boolean>
}) {
  const [text, setText] = useState('')
  const [sending, setSending] = useState(false)
  const send = async () => {
    setSending(true)
    if (await onReply(text)) setText('')
    setSending(false)
  }
  return (
    <View className='need-thread'>
      <Text className='need-section-title'>沟通记录（{need.replies.length}）</Text>
      {need.replies.length === 0 && <Text className='need-thread__empty'>暂无回复</Text>}
      {need.replies.map((reply) => (
        <View key={reply.id} className={`need-thread__reply need-thread__reply--${reply.side}`}>
          <Text className='need-thread__author'>
            {reply.authorName} · {dayjs(reply.createdAt).format('M月D日 HH:mm')}
          </Text>
          <Text className='need-thread__text'>{reply.text}</Text>
        </View>
      ))}
      {need.can.reply && (
        <View className='need-thread__compose'>
          <TextArea value={text} onChange={setText} placeholder='写下回复' maxLength={500} />
          <Button type='primary' size='large' block loading={sending} onClick={() => void send()}>
            发送回复
          </Button>
        </View>
      )}
    </View>
  )
}
