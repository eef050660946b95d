import Taro from '@tarojs/taro'

/**
 * Hands a generated file to the user: a download in the browser; on WeChat a file in the
 * mini-program's user folder, opened with the system viewer where it can.
 */
export async function saveFile(
  fileName: string,
  content: string,
  encoding: 'utf8' | 'base64',
  mimeType: string,
): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    const link = document.createElement('a')
    link.href =
      encoding === 'base64'
        ? `data:${mimeType};base64,${content}`
        : `data:${mimeType};charset=utf-8,${encodeURIComponent(content)}`
    link.download = fileName
    link.click()
    return
  }
  const filePath = `${Taro.env.USER_DATA_PATH}/${fileName}`
  Taro.getFileSystemManager().writeFileSync(filePath, content, encoding)
  if (fileName.endsWith('.xlsx')) {
    await Taro.openDocument({ filePath, fileType: 'xlsx' })
  } else {
    await Taro.showToast({ title: '已保存到本地', icon: 'success' })
  }
}
