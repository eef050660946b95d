import { execFile } from 'node:child_process'
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
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

/** The images in a PDF, as PNG files (poppler's pdfimages), in the order they are drawn. */
export async function pdfImages(pdf: Buffer): Promise<Buffer[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'pdf-images-'))
  try {
    await writeFile(path.join(dir, 'in.pdf'), pdf)
    await promisify(execFile)('pdfimages', ['-png', 'in.pdf', 'image'], { cwd: dir })
    const names = (await readdir(dir)).filter((name) => name.endsWith('.png')).sort()
    // Awaited here: a bare `return` would let `finally` remove the folder while the reads run.
    return await Promise.all(names.map((name) => readFile(path.join(dir, name))))
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** What a phone reads when it scans the code in the image: the page and scene it opens. */
export function scan(png: Buffer): { path: string; scene: Scene | undefined } {
  const image = PNG.sync.read(png)
  const found = jsQR(new Uint8ClampedArray(image.data), image.width, image.height)
  if (!found) throw new Error('no code found in the image')
  return { path: found.data, scene: sceneOfPath(found.data) ?? parseScene(found.data) }
}
