import Taro from '@tarojs/taro'
import type { FileView } from '../../cloudfunctions/shared/storage'

export async function openFile(file: FileView, fileType: 'pdf' | 'xlsx'): Promise<void> {
  const { tempFilePath } = await Taro.downloadFile({ url: file.url })
  // showMenu: the viewer's menu saves or forwards the file (WeChat 7.0.12 and later).
  await Taro.openDocument({ filePath: tempFilePath, fileType, showMenu: true })
}

export async function uploadPhoto(filePath: string): Promise<string> {
  const extension = /\.(\w+)$/.exec(filePath)?.[1] ?? 'jpg'
  const { fileID } = await Taro.cloud.uploadFile({
    cloudPath: `uploads/${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.${extension}`,
    filePath,
  })
  return fileID
}

export async function removeUpload(fileId: string): Promise<void> {
  await Taro.cloud.deleteFile({ fileList: [fileId] })
}
