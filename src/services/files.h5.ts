import type { FileView } from '../../cloudfunctions/shared/storage'
import { sessionToken } from './session'

export async function openFile(file: FileView): Promise<void> {
  const link = document.createElement('a')
  link.href = file.url
  link.download = file.fileName
  link.click()
}

/** As wx.cloud.uploadFile, to the local cloud: the file goes under the signed-in user's folder. */
export async function uploadPhoto(filePath: string): Promise<string> {
  const content = await (await fetch(filePath)).blob()
  const response = await fetch(`/api/storage/upload?name=${encodeURIComponent('photo.jpg')}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${sessionToken() ?? ''}` },
    body: content,
  })
  const result = (await response.json()) as
    { ok: true; data: { fileID: string } } | { ok: false; error: { message: string } }
  if (!result.ok) throw new Error(result.error.message)
  return result.data.fileID
}

export async function removeUpload(fileId: string): Promise<void> {
  await fetch('/api/storage/delete', {
    method: 'POST',
    headers: { Authorization: `Bearer ${sessionToken() ?? ''}` },
    body: JSON.stringify({ fileID: fileId }),
  })
}
