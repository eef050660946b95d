/**
 * The local stand-in for WeChat's content security: text containing one of these words is
 * answered `risky`, anything else `pass`. A short list, enough to show and test the refusal.
 */
export const SENSITIVE_WORDS = [
  '赌博',
  '博彩',
  '色情',
  '毒品',
  '代开发票',
  '办假证',
  '枪支弹药',
  '高利贷',
]
