import type { TemplateKey } from '../../cloudfunctions/shared/messageTemplates'

/**
 * Asks the user, inside the tap that books or joins, to allow these subscription messages (at
 * most 3) and reports the ones accepted, each allowing one message. Never fails the tap: a refusal
 * leaves the in-app notices. Each target has its own file (subscriptions.weapp.ts, .h5.ts).
 */
export declare function askToNotify(templates: TemplateKey[]): Promise<void>
