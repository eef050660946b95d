import { COLLECTIONS, findById, insertIfAbsent } from './db'
import { SCENE_PAGES, sceneText, type CodeImageView, type Scene } from './scenes'
import { storeFile, temporaryUrl } from './storage'
import { unlimitedCode } from './wxacode'

/** A mini-program code made once and kept in cloud storage; its id is its scene. */
export interface MiniProgramCodeRecord {
  _id: string
  page: string
  fileId: string
  createdAt: Date
}

export interface MiniProgramCode extends CodeImageView {
  fileId: string
}

/**
 * The mini-program code of a scene: asked from WeChat and stored the first time, read from storage
 * after that. A retry after a crash asks again and stores to the same path, which is harmless.
 */
export async function miniProgramCode(scene: Scene): Promise<MiniProgramCode> {
  const text = sceneText(scene)
  let record = await findById<MiniProgramCodeRecord>(COLLECTIONS.miniProgramCodes, text)
  if (!record) {
    const page = SCENE_PAGES[scene.kind]
    const image = await unlimitedCode(text, page)
    const extension = image.contentType.includes('png') ? 'png' : 'jpg'
    const fileId = await storeFile(`codes/${scene.kind}/${text}.${extension}`, image.buffer)
    await insertIfAbsent(COLLECTIONS.miniProgramCodes, {
      _id: text,
      page,
      fileId,
      createdAt: new Date(),
    })
    record = await findById<MiniProgramCodeRecord>(COLLECTIONS.miniProgramCodes, text)
    if (!record) throw new Error(`code ${text} was not kept`)
  }
  return { scene: text, fileId: record.fileId, imageUrl: await temporaryUrl(record.fileId) }
}
