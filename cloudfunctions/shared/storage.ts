import { cloud } from './cloud'

// Cloud storage: files the functions make (codes, certificates, exports) and users upload (photos).
// Files are private; the app reads them through temporary URLs.

/** A file the app downloads and opens: its name for the user and a temporary URL. */
export interface FileView {
  fileName: string
  url: string
}

/** getTempFileURL answers at most this many files per call. */
const TEMP_URL_BATCH = 50

/** Stores a file at `cloudPath` (a later store to the same path replaces it); answers its fileID. */
export async function storeFile(cloudPath: string, content: Buffer): Promise<string> {
  const { fileID } = await cloud.uploadFile({ cloudPath, fileContent: content })
  return fileID
}

export async function readStoredFile(fileId: string): Promise<Buffer> {
  const { fileContent } = await cloud.downloadFile({ fileID: fileId })
  return fileContent
}

/** A temporary download URL for each file that exists (valid for a few hours). */
export async function temporaryUrls(fileIds: string[]): Promise<Map<string, string>> {
  const urls = new Map<string, string>()
  const unique = [...new Set(fileIds)]
  for (let start = 0; start < unique.length; start += TEMP_URL_BATCH) {
    const { fileList } = (await cloud.getTempFileURL({
      fileList: unique.slice(start, start + TEMP_URL_BATCH),
    })) as { fileList: { fileID: string; tempFileURL: string; status: number }[] }
    for (const file of fileList) if (file.status === 0) urls.set(file.fileID, file.tempFileURL)
  }
  return urls
}

export async function temporaryUrl(fileId: string): Promise<string> {
  const url = (await temporaryUrls([fileId])).get(fileId)
  if (!url) throw new Error(`no temporary URL for ${fileId}`)
  return url
}
