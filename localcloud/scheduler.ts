import { Cron } from 'croner'
import { existsSync, readdirSync } from 'node:fs'
import { functionConfigOf, type FunctionRunner } from './runtime'

export interface ScheduledTrigger {
  functionName: string
  triggerName: string
  cron: string
}

/** The timer triggers every built function declares in its config.json, as WeChat reads them. */
export function timerTriggersOf(functionsDir: string): ScheduledTrigger[] {
  if (!existsSync(functionsDir)) return []
  return readdirSync(functionsDir).flatMap((functionName) => {
    const config = functionConfigOf(functionsDir, functionName)
    return (config.triggers ?? [])
      .filter((trigger) => trigger.type === 'timer')
      .map((trigger) => ({ functionName, triggerName: trigger.name, cron: trigger.config }))
  })
}

/** The event WeChat passes to a function its timer starts; no caller's identity comes with it. */
export function timerEvent(triggerName: string, now = new Date()) {
  return { Type: 'Timer', TriggerName: triggerName, Time: now.toISOString() }
}

/**
 * Runs the functions' timer triggers on their schedules (7-field cron, China time, as on WeChat).
 * Answers a stop function.
 */
export function scheduleTimerTriggers(
  functionsDir: string,
  functions: FunctionRunner,
  onResult: (trigger: ScheduledTrigger, result: unknown) => void,
): () => void {
  const jobs = timerTriggersOf(functionsDir).map(
    (trigger) =>
      new Cron(trigger.cron, { timezone: 'Asia/Shanghai', protect: true }, async () => {
        const result = await functions.invoke(
          trigger.functionName,
          timerEvent(trigger.triggerName),
          undefined,
        )
        onResult(trigger, result)
      }),
  )
  return () => jobs.forEach((job) => job.stop())
}
