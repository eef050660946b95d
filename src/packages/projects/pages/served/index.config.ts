export default definePageConfig({ navigationBarTitleText: '为共建项目打分' })
