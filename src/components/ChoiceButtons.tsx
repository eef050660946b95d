import { Checkbox, Radio } from '@nutui/nutui-react-taro'
import './ChoiceButtons.scss'

/** One choice among labelled options, as a wrap of buttons a thumb can hit. */
export function SingleChoice<K extends string>({
  labels,
  value,
  onChange,
}: {
  labels: Record<K, string>
  value: K | undefined
  onChange: (value: K) => void
}) {
  return (
    <Radio.Group
      className='choice-buttons'
      direction='horizontal'
      value={value}
      onChange={(chosen) => onChange(chosen as K)}
    >
      {(Object.entries(labels) as [K, string][]).map(([key, label]) => (
        <Radio key={key} value={key} shape='button'>
          {label}
        </Radio>
      ))}
    </Radio.Group>
  )
}

/** Any number of labelled options. */
export function MultiChoice<K extends string>({
  labels,
  value,
  onChange,
}: {
  labels: Record<K, string>
  value: K[]
  onChange: (value: K[]) => void
}) {
  return (
    <Checkbox.Group
      className='choice-buttons'
      direction='horizontal'
      value={value}
      onChange={(chosen) => onChange(chosen as K[])}
    >
      {(Object.entries(labels) as [K, string][]).map(([key, label]) => (
        <Checkbox key={key} value={key} shape='button'>
          {label}
        </Checkbox>
      ))}
    </Checkbox.Group>
  )
}
