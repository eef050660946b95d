/**
 * Runs the suite's clock from 12:00 China time today, moving at real speed. Tests that publish
 * slots "starting in N minutes" then never see a slot straddle China's midnight, whenever CI
 * runs. Only Date is replaced: timers, promises and I/O run on the real clock.
 */
export function useChinaNoonClock() {
  beforeAll(() => {
    const chinaToday = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)
    jest.useFakeTimers({
      now: new Date(`${chinaToday}T12:00:00+08:00`),
      advanceTimers: true,
      doNotFake: [
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'requestAnimationFrame',
        'cancelAnimationFrame',
        'requestIdleCallback',
        'cancelIdleCallback',
        'setImmediate',
        'clearImmediate',
        'setInterval',
        'clearInterval',
        'setTimeout',
        'clearTimeout',
      ],
    })
  })
  afterAll(() => {
    jest.useRealTimers()
  })
}

/** Moves the suite's clock (see useChinaNoonClock) to a clock time of the same day in China. */
export function setChinaTime(time: string) {
  const chinaToday = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)
  jest.setSystemTime(new Date(`${chinaToday}T${time}:00+08:00`))
}
