import { execFile } from 'node:child_process'
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import { parseScene, sceneOfPath, type Scene } from '../../cloudfunctions/shared/scenes'

/** Downloads a file through its temporary URL, as the app does. */
export async function download(url: string): Promise<Buffer> {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`download of ${url} answered ${response.status}`)
  return Buffer.from(await response.arrayBuffer())
}

/** The text of a PDF as a reader would copy it (poppler's pdftotext). */
export function pdfText(pdf: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile('pdftotext', ['-layout', '-', '-'], (error, stdout) =>
      error ? reject(error) : resolve(stdout),
    )
    child.stdin?.end(pdf)
  })
}

/** What a phone reads when it scans the code in the image: the page and scene it opens. */
export function scan(png: Buffer): { path: string; scene: Scene | undefined } {
  const image = PNG.sync.read(png)
  const found = jsQR(new Uint8ClampedArray(image.data), image.width, image.height)
  if (!found) throw new Error('no code found in the image')
  return { path: found.data, scene: sceneOfPath(found.data) ?? parseScene(found.data) }
}
