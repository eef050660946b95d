export default definePageConfig({ navigationBarTitleText: '起草共建协议' })
