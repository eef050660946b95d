import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { existsSync } from 'node:fs'
import { appendFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import QRCode from 'qrcode'
import {
  fieldLimitOf,
  templateKeyOf,
  type TemplateKey,
} from '../cloudfunctions/shared/messageTemplates'
import type { OpenApiName } from '../cloudfunctions/shared/openApi'
import { MAX_SCENE_LENGTH } from '../cloudfunctions/shared/scenes'
import wechat from '../cloudfunctions/shared/wechat.json'
import { SENSITIVE_WORDS } from './sensitiveWords'

/** A subscription message the local cloud accepted, as WeChat would have delivered it. */
export interface SentMessage {
  at: string
  touser: string
  templateId: string
  template: TemplateKey
  page: string
  data: Record<string, { value: string }>
  miniprogramState: string
}

/** An open API's failure, shaped as wx-server-sdk rejects with it. */
class OpenApiFailure extends Error {
  constructor(
    readonly errCode: number,
    readonly errMsg: string,
  ) {
    super(errMsg)
  }
}

/** The cloud environment local fileIDs name, as WeChat's name the environment they live in. */
const FILE_ID_PREFIX = 'cloud://local.gongjian-local/'
const CLOUD_PATH = /^[\w-]+(\/[\w.-]+)*$/
/** Temporary URLs last this long, as WeChat's default. */
const TEMP_URL_SECONDS = 2 * 3600
const CONTENT_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.pdf': 'application/pdf',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

/**
 * The local stand-in for WeChat's platform calls: the open APIs the functions may call (refused,
 * as on WeChat, when the function's config.json does not declare them), and cloud storage kept on
 * disk under the data folder, read through temporary URLs the gateway serves. Messages that would
 * have been sent are kept in an outbox (outbox.jsonl), which tests and developers read.
 */
export class LocalPlatform {
  /** Where temporary URLs point: the gateway, once it listens. */
  baseUrl = ''
  private readonly urlKey = randomBytes(32)
  private readonly refusals = new Map<OpenApiName, number[]>()

  constructor(
    readonly dataDir: string,
    /** The open APIs the calling function declares; undefined when no function is calling. */
    private readonly declaredApis: () => string[] | undefined,
  ) {}

  private get storageDir() {
    return path.join(this.dataDir, 'storage')
  }

  private get outboxFile() {
    return path.join(this.dataDir, 'outbox.jsonl')
  }

  /** The open APIs, as wx-server-sdk's cloud.openapi offers them. */
  readonly openapi = {
    subscribeMessage: {
      send: (params: Record<string, unknown>) =>
        this.openApi('subscribeMessage.send', () => this.send(params)),
    },
    wxacode: {
      getUnlimited: (params: Record<string, unknown>) =>
        this.openApi('wxacode.getUnlimited', () => this.code(params)),
    },
    security: {
      msgSecCheck: (params: Record<string, unknown>) =>
        this.openApi('security.msgSecCheck', () => this.checkText(params)),
    },
  }

  /** Every message accepted so far, oldest first. */
  async outbox(): Promise<SentMessage[]> {
    if (!existsSync(this.outboxFile)) return []
    return (await readFile(this.outboxFile, 'utf8'))
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as SentMessage)
  }

  /** The next call of the API fails with this errCode (for tests of a refused or failed call). */
  refuseNext(api: OpenApiName, errCode: number): void {
    this.refusals.set(api, [...(this.refusals.get(api) ?? []), errCode])
  }

  private async openApi<T>(api: OpenApiName, run: () => Promise<T>): Promise<T> {
    const declared = this.declaredApis()
    if (declared && !declared.includes(api)) {
      throw new OpenApiFailure(-604101, `function has no permission to call ${api}`)
    }
    const refusal = this.refusals.get(api)?.shift()
    if (refusal !== undefined) throw new OpenApiFailure(refusal, `${api}: refused (local)`)
    return run()
  }

  private async send(params: Record<string, unknown>) {
    const templateId = String(params.templateId ?? '')
    const template = templateKeyOf(templateId)
    if (!template) throw new OpenApiFailure(40037, 'invalid template_id')
    if (!params.touser) throw new OpenApiFailure(40003, 'invalid openid')
    const fields = wechat.subscribeMessages.templates[template].fields as Record<string, string>
    const data = (params.data ?? {}) as Record<string, { value?: unknown }>
    for (const key of Object.keys(fields)) {
      const value = data[key]?.value
      const limit = fieldLimitOf(key)
      if (typeof value !== 'string' || !value || (limit && [...value].length > limit)) {
        throw new OpenApiFailure(47003, `argument invalid! data.${key}.value invalid`)
      }
    }
    const message: SentMessage = {
      at: new Date().toISOString(),
      touser: String(params.touser),
      templateId,
      template,
      page: String(params.page ?? ''),
      data: data as SentMessage['data'],
      miniprogramState: String(params.miniprogramState ?? 'formal'),
    }
    await mkdir(this.dataDir, { recursive: true })
    await appendFile(this.outboxFile, `${JSON.stringify(message)}\n`)
    return { errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' }
  }

  /** A QR code of what scanning WeChat's code answers (`res.path`): the page and its scene. */
  private async code(params: Record<string, unknown>) {
    const scene = String(params.scene ?? '')
    const page = String(params.page ?? '')
    if (!scene || scene.length > MAX_SCENE_LENGTH || !/^[\w!#$&'()*+,/:;=?@.~-]+$/.test(scene)) {
      throw new OpenApiFailure(40169, 'invalid length for scene, or the data is not json string')
    }
    if (page.startsWith('/') || page.includes('?')) throw new OpenApiFailure(41030, 'invalid page')
    const buffer = await QRCode.toBuffer(`${page}?scene=${encodeURIComponent(scene)}`, {
      type: 'png',
      width: Number(params.width ?? 430),
      margin: 2,
    })
    return { errCode: 0, contentType: 'image/png', buffer }
  }

  private async checkText(params: Record<string, unknown>) {
    if (params.version !== 2 || !params.openid) throw new OpenApiFailure(40003, 'invalid openid')
    const content = String(params.content ?? '')
    if (content.length > 2500) throw new OpenApiFailure(87014, 'content too long')
    const found = SENSITIVE_WORDS.filter((word) => content.includes(word))
    return {
      errCode: 0,
      errMsg: 'ok',
      result:
        found.length > 0 ? { suggest: 'risky', label: 20001 } : { suggest: 'pass', label: 100 },
      detail: found.map((keyword) => ({
        strategy: 'keyword',
        errcode: 0,
        suggest: 'risky',
        label: 20001,
        keyword,
      })),
    }
  }

  // Cloud storage, as wx-server-sdk's uploadFile, downloadFile and getTempFileURL.

  async uploadFile({ cloudPath, fileContent }: { cloudPath: string; fileContent: Buffer }) {
    await this.writeStoredFile(cloudPath, fileContent)
    return { fileID: `${FILE_ID_PREFIX}${cloudPath}`, statusCode: 200 }
  }

  async downloadFile({ fileID }: { fileID: string }) {
    const file = this.fileOf(fileID)
    if (!file || !existsSync(file)) throw new OpenApiFailure(-503003, 'file not found')
    return { fileContent: await readFile(file), statusCode: 200 }
  }

  async getTempFileURL({ fileList }: { fileList: (string | { fileID: string })[] }) {
    const expires = Math.floor(Date.now() / 1000) + TEMP_URL_SECONDS
    return {
      fileList: fileList.map((item) => {
        const fileID = typeof item === 'string' ? item : item.fileID
        const file = this.fileOf(fileID)
        if (!file || !existsSync(file)) {
          return { fileID, tempFileURL: '', maxAge: 0, status: -1, errMsg: 'file not found' }
        }
        const cloudPath = fileID.slice(FILE_ID_PREFIX.length)
        const query = `expires=${expires}&sign=${this.sign(cloudPath, expires)}`
        return {
          fileID,
          tempFileURL: `${this.baseUrl}/files/${encodeURI(cloudPath)}?${query}`,
          maxAge: TEMP_URL_SECONDS,
          status: 0,
          errMsg: 'ok',
        }
      }),
    }
  }

  /** Stores a file a signed-in user uploads from the app, under their own folder. */
  async storeUpload(openid: string, name: string, content: Buffer): Promise<string> {
    const extension = path.extname(name).toLowerCase()
    const cloudPath = `uploads/${openid}/${Date.now().toString(36)}${randomBytes(4).toString('hex')}${CONTENT_TYPES[extension] ? extension : ''}`
    return (await this.uploadFile({ cloudPath, fileContent: content })).fileID
  }

  /** Removes a user's own upload; answers false for anyone else's file. */
  async deleteUpload(openid: string, fileID: string): Promise<boolean> {
    const file = this.fileOf(fileID)
    if (!file || !fileID.startsWith(`${FILE_ID_PREFIX}uploads/${openid}/`)) return false
    await rm(file, { force: true })
    return true
  }

  /** The file a temporary URL's path and query name, while its signature holds and it exists. */
  servedFile(pathname: string, query: URLSearchParams): { file: string; type: string } | undefined {
    const cloudPath = decodeURI(pathname.replace(/^\/files\//, ''))
    const expires = Number(query.get('expires'))
    const given = Buffer.from(query.get('sign') ?? '')
    const expected = Buffer.from(this.sign(cloudPath, expires))
    if (!(expires * 1000 > Date.now()) || given.length !== expected.length) return undefined
    if (!timingSafeEqual(given, expected)) return undefined
    const file = this.fileOf(`${FILE_ID_PREFIX}${cloudPath}`)
    if (!file || !existsSync(file)) return undefined
    return { file, type: CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' }
  }

  private async writeStoredFile(cloudPath: string, content: Buffer) {
    const file = this.fileOf(`${FILE_ID_PREFIX}${cloudPath}`)
    if (!file) throw new OpenApiFailure(-503001, 'invalid cloudPath')
    await mkdir(path.dirname(file), { recursive: true })
    await writeFile(file, content)
  }

  private fileOf(fileID: string): string | undefined {
    if (!fileID.startsWith(FILE_ID_PREFIX)) return undefined
    const cloudPath = fileID.slice(FILE_ID_PREFIX.length)
    if (!CLOUD_PATH.test(cloudPath) || cloudPath.split('/').includes('..')) return undefined
    return path.join(this.storageDir, cloudPath)
  }

  private sign(cloudPath: string, expires: number): string {
    return createHmac('sha256', this.urlKey).update(`${cloudPath}|${expires}`).digest('base64url')
  }
}
