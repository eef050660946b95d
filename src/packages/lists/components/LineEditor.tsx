import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { Result } from '../../../../cloudfunctions/features/api'
import { Field } from '../../../components/Field'
import { DateRangeCells } from '../../../components/PickerCell'
import { call } from '../../../services/cloud'
import { today } from '../../../services/dates'

export interface LineDraft {
  title: string
  description: string
  quantity: number
  window: { from: string; to: string }
}

export interface LineWords {
  title: string
  description: string
  quantity: string
  window: string
  /** What ending the line is called, and what the confirmation says it does. */
  end: { action: string; warning: string; done: string }
}

/**
 * A line's correction and ending, opened from its card: what people most often get wrong (its
 * name, words, amount and dates), then 保存 or, after a confirmation, the end of the line.
 */
export function LineEditor({
  line,
  words,
  save,
  end,
  onDone,
}: {
  line: LineDraft
  words: LineWords
  save: (draft: LineDraft) => Promise<Result<unknown>>
  end: () => Promise<Result<unknown>>
  onDone: () => Promise<void>
}) {
  const [title, setTitle] = useState(line.title)
  const [description, setDescription] = useState(line.description)
  const [quantity, setQuantity] = useState(String(line.quantity))
  const [from, setFrom] = useState(line.window.from)
  const [to, setTo] = useState(line.window.to)
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)

  const run = async (step: () => Promise<Result<unknown>>, done: string) => {
    setBusy(true)
    const result = await step()
    setBusy(false)
    if (!result.ok) return setError(result.error.message)
    setError(undefined)
    await Taro.showToast({ title: done, icon: 'success' })
    await onDone()
  }
  const submit = () =>
    run(
      () => save({ title, description, quantity: Number(quantity), window: { from, to } }),
      '已保存',
    )
  const finish = async () => {
    const { confirm } = await Taro.showModal({
      title: words.end.action,
      content: words.end.warning,
    })
    if (confirm) await run(end, words.end.done)
  }

  return (
    <View className='line-editor'>
      <Field label={words.title}>
        <Input value={title} onChange={setTitle} maxLength={40} />
      </Field>
      <Field label={words.description}>
        <TextArea value={description} onChange={setDescription} maxLength={500} />
      </Field>
      <Field label={words.quantity}>
        <Input type='digit' value={quantity} onChange={setQuantity} />
      </Field>
      <DateRangeCells
        label={words.window}
        from={from}
        to={to}
        onChange={(range) => {
          setFrom(range.from)
          setTo(range.to)
        }}
        earliest={line.window.from < today() ? line.window.from : today()}
      />
      {error && <Text className='line-editor__error'>{error}</Text>}
      <View className='line-card__actions'>
        <Button type='primary' loading={busy} onClick={() => void submit()}>
          保存修改
        </Button>
        <Button type='default' disabled={busy} onClick={() => void finish()}>
          {words.end.action}
        </Button>
      </View>
    </View>
  )
}

/** The words and actions of a need list line's editor. */
export const NEED_LINE_WORDS: LineWords = {
  title: '需求名称',
  description: '需求描述',
  quantity: '需求数量',
  window: '需求时间',
  end: {
    action: '关闭需求',
    warning: '关闭后这条需求不再出现在揭榜大厅和资源匹配中，且不能再修改。',
    done: '需求已关闭',
  },
}

export const OFFERING_WORDS: LineWords = {
  title: '资源名称',
  description: '资源描述',
  quantity: '可提供数量',
  window: '服务时间',
  end: { action: '暂停提供', warning: '暂停后这项资源不再参与匹配，可随时恢复。', done: '已暂停' },
}

export const editNeedLine = (needId: string) => ({
  save: (draft: LineDraft) => call('lists', 'editNeed', { needId, ...draft }),
  end: () => call('lists', 'closeNeed', { needId }),
})

export const editOffering = (offeringId: string) => ({
  save: ({ quantity, window, ...draft }: LineDraft) =>
    call('lists', 'editOffering', {
      offeringId,
      ...draft,
      capacity: quantity,
      availability: window,
    }),
  end: () => call('lists', 'setOfferingStatus', { offeringId, status: 'paused' as const }),
})
