import { Cell } from '@nutui/nutui-react-taro'
import { Picker } from '@tarojs/components'

/**
 * A form row that opens the platform's date, month or time picker and shows the chosen value;
 * start and end (YYYY-MM-DD) keep dates that make no sense out of the wheel.
 */
export function PickerCell({
  mode,
  title,
  value,
  onChange,
  start,
  end,
}: {
  mode: 'date' | 'month' | 'time'
  title: string
  value: string
  onChange: (value: string) => void
  start?: string
  end?: string
}) {
  const change = (event: { detail: { value: string | number } }) =>
    onChange(String(event.detail.value))
  const cell = <Cell title={title} extra={value || '请选择'} clickable />
  if (mode === 'time') {
    return (
      <Picker mode='time' value={value} onChange={change}>
        {cell}
      </Picker>
    )
  }
  return (
    <Picker
      mode='date'
      fields={mode === 'month' ? 'month' : 'day'}
      value={value}
      start={start}
      end={end}
      onChange={change}
    >
      {cell}
    </Picker>
  )
}

/**
 * A period as two date pickers (label从 / label到): the start no earlier than `earliest`, the end
 * no earlier than the start.
 */
export function DateRangeCells({
  label,
  from,
  to,
  onChange,
  earliest,
}: {
  label: string
  from: string
  to: string
  onChange: (range: { from: string; to: string }) => void
  earliest: string
}) {
  return (
    <>
      <PickerCell
        mode='date'
        title={`${label}从`}
        value={from}
        onChange={(value) => onChange({ from: value, to })}
        start={earliest}
      />
      <PickerCell
        mode='date'
        title={`${label}到`}
        value={to}
        onChange={(value) => onChange({ from, to: value })}
        start={from}
      />
    </>
  )
}
