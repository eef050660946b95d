import { Cell } from '@nutui/nutui-react-taro'
import { Picker } from '@tarojs/components'

/** A form row that opens the platform's date or time picker and shows the chosen value. */
export function PickerCell({
  mode,
  title,
  value,
  onChange,
}: {
  mode: 'date' | 'time'
  title: string
  value: string
  onChange: (value: string) => void
}) {
  return (
    <Picker mode={mode} value={value} onChange={(event) => onChange(String(event.detail.value))}>
      <Cell title={title} extra={value || '请选择'} clickable />
    </Picker>
  )
}
