import { Text, View } from '@tarojs/components'

/** A table of figures as text: what the chart above it draws, readable without it. */
export function Table(props: {
  head: string[]
  rows: { key: string; cells: (string | number)[]; onTap?: () => void }[]
}) {
  return (
    <View className='desk-table'>
      <View className='desk-table__row desk-table__row--head'>
        {props.head.map((cell) => (
          <Text key={cell} className='desk-table__cell'>
            {cell}
          </Text>
        ))}
      </View>
      {props.rows.map((row) => (
        <View
          key={row.key}
          className={`desk-table__row${row.onTap ? ' desk-table__row--link' : ''}`}
          onClick={row.onTap}
        >
          {row.cells.map((cell, index) => (
            <Text key={index} className='desk-table__cell'>
              {cell}
            </Text>
          ))}
        </View>
      ))}
    </View>
  )
}
