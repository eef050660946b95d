import { Checkbox } from '@nutui/nutui-react-taro'

/** Several choices among labelled options, drawn as a wrap of buttons a thumb can hit. */
export function MultiChoice<K extends string | number>({
  labels,
  value,
  onChange,
}: {
  labels: [K, string][]
  value: K[]
  onChange: (value: K[]) => void
}) {
  return (
    <Checkbox.Group
      className='volunteers__choices'
      direction='horizontal'
      value={value.map(String)}
      onChange={(chosen: string[]) =>
        onChange(labels.filter(([key]) => chosen.includes(String(key))).map(([key]) => key))
      }
    >
      {labels.map(([key, label]) => (
        <Checkbox key={String(key)} value={String(key)} shape='button' label={label} />
      ))}
    </Checkbox.Group>
  )
}
