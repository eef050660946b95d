import { Cell, CellGroup } from '@nutui/nutui-react-taro'
import type { DonationView, MoveView } from '../../../../cloudfunctions/features/api'
import { DONATION_KINDS } from '../../../../cloudfunctions/features/charity/domain'
import { moveLine } from '../labels'

/** Donations as the pool and its notice list them: who gave what, when. */
export function DonationCells({
  title,
  donations,
  emptyText,
}: {
  title: string
  donations: DonationView[]
  emptyText: string
}) {
  return (
    <CellGroup title={title}>
      {donations.length === 0 && <Cell title={emptyText} />}
      {donations.map((donation) => (
        <Cell
          key={donation.id}
          title={`${donation.donorLabel} · ${DONATION_KINDS[donation.kind]}`}
          description={donation.summary}
          extra={donation.receivedOn}
        />
      ))}
    </CellGroup>
  )
}

/** Stock moves with the balance after each (台账). */
export function MoveCells({
  title,
  moves,
  emptyText,
}: {
  title: string
  moves: MoveView[]
  emptyText: string
}) {
  return (
    <CellGroup title={title}>
      {moves.length === 0 && <Cell title={emptyText} />}
      {moves.map((move) => (
        <Cell
          key={move.id}
          title={`${move.itemName} · ${move.note}`}
          description={moveLine(move)}
          extra={move.date}
        />
      ))}
    </CellGroup>
  )
}
