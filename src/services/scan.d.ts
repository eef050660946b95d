import type { Scene } from '../../cloudfunctions/shared/scenes'

/** Whether this target can scan with the camera (the H5 app cannot: codes are typed there). */
export declare const canScan: boolean

/**
 * Scans a code with the camera: one of our mini-program codes answers its scene, a plain QR code
 * (a booking's check-in code) its text. Undefined when the user cancels.
 */
export declare function scanCode(): Promise<{ scene?: Scene; text: string } | undefined>
